/* Small enhancements; every page works without this file.
   - Filters apply as soon as a box is ticked (the "Filters toepassen" button remains for keyboard users
     who prefer it, and for browsers without JavaScript).
   - After such a reload, focus returns to the box that was ticked, so keyboard and screen-reader users
     keep their place.
   - Sort and page links are untouched: they are plain links.
   - A form's error summary ([data-focus-on-load]) takes the focus when the page opens, so that a screen
     reader reads it and Tab goes on to its links (autofocus does the same where it is supported).
   - A map shape that has the keyboard focus gets its ring drawn once more on top of the map (.place-map__focus):
     SVG paints in document order, so the neighbours drawn after it would hide half of its own ring. The shapes
     are not moved, which would change the order Tab follows. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var FOCUS_KEY = "kennisplatform:focus";

  function restoreFocus() {
    var id;
    try { id = sessionStorage.getItem(FOCUS_KEY); sessionStorage.removeItem(FOCUS_KEY); } catch (e) { return; }
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var details = el.closest("details");
    while (details) { details.open = true; details = details.parentElement && details.parentElement.closest("details"); }
    el.focus({ preventScroll: false });
  }

  function autosubmit(form) {
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (!target || target.type !== "checkbox") return;
      try { sessionStorage.setItem(FOCUS_KEY, target.id); } catch (e) { /* private mode */ }
      form.classList.add("is-loading");
      if (typeof form.requestSubmit === "function") form.requestSubmit(); else form.submit();
    });
  }

  function focusRing(svg) {
    var ring = svg.querySelector(".place-map__focus");
    if (!ring) return;
    svg.addEventListener("focusin", function (event) {
      var shape = event.target.closest && event.target.closest(".place-map__link");
      var path = shape && shape.querySelector("path");
      if (path) ring.setAttribute("d", path.getAttribute("d")); else ring.removeAttribute("d");
    });
    svg.addEventListener("focusout", function () { ring.removeAttribute("d"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var maps = document.querySelectorAll(".place-map__svg");
    for (var m = 0; m < maps.length; m++) focusRing(maps[m]);
    var forms = document.querySelectorAll("form[data-autosubmit]");
    for (var i = 0; i < forms.length; i++) autosubmit(forms[i]);
    restoreFocus();
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary && document.activeElement !== summary) summary.focus();
  });
})();
