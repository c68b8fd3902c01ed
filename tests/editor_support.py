"""Helpers for the editors' tests: an app with an account, logging in, CSRF tokens, and the functions
that child processes run in the concurrency tests (importable by module name, for 'spawn')."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kennisplatform import create_app, users

EDITOR, PASSWORD = "redacteur", "een-lang-wachtwoord"
# A CMK meeting report written for the tests in the style of real ones (site name in the first line, the
# date alone on a line, attendees, agenda and bullet lists; places in Zuid-Holland): tests read only files
# inside the repository, so that a fresh clone passes on its own.
SEED = Path(__file__).resolve().parent / "fixtures" / "seeds" / "verslag-cmk-bijeenkomst.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(corpus_dir: Path, index_dir: Path, instance: Path, **config):
    app = create_app({"TESTING": True, "CORPUS_DIR": str(corpus_dir), "INDEX_DIR": str(index_dir),
                      "SECRET_KEY": "test", "USERS_DIR": str(instance), **config})
    app.instance_path = str(instance)
    if EDITOR not in users.list_users(instance):
        users.add_user(instance, EDITOR, PASSWORD)
    return app


def token(client, url: str = "/inloggen") -> str:
    page = client.get(url)
    match = _TOKEN.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {url} ({page.status_code})"
    return match.group(1)


def login(client, name: str = EDITOR, password: str = PASSWORD):
    return client.post("/inloggen", data={"naam": name, "wachtwoord": password, "csrf_token": token(client)})


def form_data(**fields) -> dict:
    data = {"type": "verslag", "title": "Een verslag", "date": "2024-02-01", "summary": "",
            "body": "Tekst van het verslag.", "actie": "opslaan"}
    data.update(fields)
    return data


# -- run in child processes ------------------------------------------------------------------------------
def save_in_process(corpus_dir: str, index_dir: str, title: str, word: str, count: int) -> list[str]:
    """Save `count` documents with the same title (so that their slugs collide); return their ids."""
    from kennisplatform.documents import Document
    from kennisplatform.editing import save_document

    ids = []
    for n in range(count):
        doc = Document(id="", type="verslag", title=title, date=dt.date(2024, 1, 1),
                       body=f"Gelijktijdig opgeslagen: {word} nummer {n}.\n")
        ids.append(save_document(Path(corpus_dir), Path(index_dir), doc).document.id)
    return ids


def save_and_die_before_commit(corpus_dir: str, index_dir: str, title: str) -> None:
    """Save a document and die by SIGKILL after its file is written, before the history commit: what a
    power cut or an OOM kill does to an editor's save at the worst moment."""
    import os
    import signal

    from kennisplatform import history
    from kennisplatform.documents import Document
    from kennisplatform.editing import save_document

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    history.record = die
    doc = Document(id="", type="verslag", title=title, date=dt.date(2024, 3, 1),
                   body="Onderbroken opslag: kraanvogelverslag.\n")
    save_document(Path(corpus_dir), Path(index_dir), doc)


def backup_and_die(corpus_dir: str, index_dir: str, instance_dir: str, target: str, after: int) -> None:
    """Write a backup and die by SIGKILL after `after` archive members."""
    import os
    import signal
    import tarfile

    from kennisplatform.backup import create_backup

    original = tarfile.TarFile.addfile
    count = [0]

    def addfile(self, *args, **kwargs):
        count[0] += 1
        if count[0] > after:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, *args, **kwargs)

    tarfile.TarFile.addfile = addfile
    create_backup(Path(corpus_dir), Path(index_dir), Path(instance_dir), Path(target))
