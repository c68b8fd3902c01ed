"""Backup and restore (backup.py): a consistent snapshot while processes save, restored into empty folders;
a backup killed halfway or refused leaves nothing half-written; a restore refuses corrupt, foreign,
truncated and unsafe archives and changes nothing."""
from __future__ import annotations

import io
import json
import multiprocessing
import signal
import subprocess
import sys
import tarfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

import editor_support
from kennisplatform import editing, history, searchlog, users, versions
from kennisplatform.backup import MANIFEST, SUMS, BackupError, create_backup, restore_backup
from kennisplatform.cli import main
from kennisplatform.corpus import iter_markdown_files, read_corpus
from kennisplatform.index import update_index
from kennisplatform.params import SearchParams
from kennisplatform.search import SearchEngine

REPO = Path(__file__).resolve().parent.parent


def make_instance(folder: Path) -> Path:
    users.add_user(folder, "anna", "een-lang-wachtwoord")
    (folder / "secret_key").write_text("geheim-van-de-site")
    searchlog.record(folder, SearchParams(q="erfgoed"), 3)
    return folder


def corpus_bytes(corpus: Path) -> dict[str, bytes]:
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in iter_markdown_files(corpus)}


@pytest.fixture
def instance_dir(tmp_path):
    return make_instance(tmp_path / "instance")


@pytest.fixture
def restored(tmp_path):
    root = tmp_path / "hersteld"
    return root / "corpus", root / "index", root / "instance"


def test_a_backup_taken_while_five_processes_save_restores_into_empty_folders(corpus_dir, index_dir, instance_dir,
                                                                               tmp_path, restored, taxonomy):
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    versions.prepare(corpus_dir, index_dir)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=5, mp_context=context) as pool:
        jobs = [pool.submit(editor_support.save_in_process, str(corpus_dir), str(index_dir),
                            f"Opslaan tijdens back-up {w}", f"backuptoets{w}", 5) for w in range(5)]
        deadline = time.monotonic() + 120
        while len(corpus_bytes(corpus_dir)) < 5 + 6:  # some saves have arrived, most are still to come
            assert time.monotonic() < deadline
            time.sleep(0.01)
        before = corpus_bytes(corpus_dir)  # every document saved before the backup began
        report = create_backup(corpus_dir, index_dir, instance_dir, tmp_path / "nacht.tar.gz")
        ids = [doc_id for job in jobs for doc_id in job.result(timeout=300)]
    assert len(ids) == 25
    assert report.documents >= len(before)

    corpus, index, instance = restored
    result = restore_backup(tmp_path / "nacht.tar.gz", corpus, index, instance)
    assert result.problems == 0
    after = corpus_bytes(corpus)
    for rel, data in before.items():
        assert after.get(rel) == data, rel
    assert set(after) <= set(corpus_bytes(corpus_dir))
    # The history came along, and it matches the restored files exactly.
    assert history.verify(corpus) == []
    for rel in after:
        assert versions.versions_of(corpus, Path(rel).stem), rel
    assert len(history.log(corpus)) == 1 + len(after) - 5  # adoption + one commit per saved document
    # The instance: accounts, secret key and search log.
    assert users.verify(instance, "anna", "een-lang-wachtwoord") == "anna"
    assert (instance / "secret_key").read_text() == "geheim-van-de-site"
    assert [e["q"] for e in searchlog.read_entries(instance)] == ["erfgoed"]
    # The index was rebuilt: search works.
    engine = SearchEngine(index, taxonomy)
    try:
        assert engine.doc_count == len(after)
        # Its one page with the word first (pages with a part of it fill the page after it).
        assert engine.search(SearchParams(q="erfgoedleerlijnen")).hits[0].id == "erfgoed-dordrecht"
        saved_before = [rel for rel in before if "opslaan-tijdens" in rel]
        assert saved_before and engine.search(SearchParams(q="gelijktijdig", per_page=50)).total >= len(saved_before)
    finally:
        engine.close()
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "check"]).exit_code == 0


def test_backup_and_restore_from_the_command_line(corpus_dir, index_dir, instance_dir, tmp_path, restored):
    target = tmp_path / "kopie.tar.gz"
    made = CliRunner().invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir),
                                     "--instance", str(instance_dir), "backup", str(target)])
    assert made.exit_code == 0, made.output
    assert "Back-up geschreven" in made.output and "5 documenten" in made.output
    with tarfile.open(target) as tar:
        names = tar.getnames()
    assert names[0] == MANIFEST and names[-1] == SUMS
    assert "corpus/.git/HEAD" in names and "instance/users.json" in names
    assert not [n for n in names if n.startswith("index")]  # what can be rebuilt is left out
    corpus, index, instance = restored
    back = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "--instance", str(instance),
                                     "restore", str(target)])
    assert back.exit_code == 0, back.output
    assert "5 documenten in de index" in back.output
    assert corpus_bytes(corpus) == corpus_bytes(corpus_dir)
    # Restoring again over what is now there is refused, and changes nothing.
    again = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index), "--instance", str(instance),
                                      "restore", str(target)])
    assert again.exit_code == 1 and "is niet leeg" in again.output


def test_a_backup_to_an_unwritable_place_is_refused_and_leaves_nothing(corpus_dir, index_dir, instance_dir, tmp_path):
    (tmp_path / "bestand").write_text("x")
    for target, message in ((tmp_path / "bestaat-niet" / "b.tar.gz", "bestaat niet"),
                            (tmp_path / "bestand" / "b.tar.gz", "bestaat niet"),
                            (corpus_dir / "b.tar.gz", "buiten de corpusmap")):
        with pytest.raises(BackupError, match=message):
            create_backup(corpus_dir, index_dir, instance_dir, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand", "corpus", "instance"]
    assert not list(corpus_dir.glob(".backup-*"))


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from kennisplatform.backup import BackupError, create_backup
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit, write() fails with EFBIG like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
try:
    create_backup(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
except BackupError as exc:
    print(exc.message)
"""


def test_a_backup_on_a_full_disk_gives_a_dutch_error_and_leaves_nothing(corpus_dir, index_dir, instance_dir,
                                                                        tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(corpus_dir), str(index_dir), str(instance_dir),
                             str(out / "b.tar.gz")], capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert "Niet genoeg schijfruimte voor de back-up" in result.stdout, result.stderr
    assert list(out.iterdir()) == []
    assert not list(corpus_dir.glob(".backup-*"))


def test_a_backup_killed_halfway_leaves_corpus_history_and_index_consistent(corpus_dir, index_dir, instance_dir,
                                                                            tmp_path, taxonomy):
    update_index(corpus_dir, index_dir, taxonomy=taxonomy)
    versions.prepare(corpus_dir, index_dir)
    out = tmp_path / "uit"
    out.mkdir()
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=editor_support.backup_and_die,
                            args=(str(corpus_dir), str(index_dir), str(instance_dir), str(out / "b.tar.gz"), 8))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == -signal.SIGKILL
    assert not (out / "b.tar.gz").exists()  # nothing half-written under the real name
    with editing.corpus_lock(index_dir, timeout=2):  # no lock left behind
        pass
    runner = CliRunner()
    checked = runner.invoke(main, ["--corpus", str(corpus_dir), "--index", str(index_dir), "check"])
    assert checked.exit_code == 0, checked.output
    documents, problems = read_corpus(corpus_dir, taxonomy)
    assert problems == [] and len(documents) == 5
    # The next backup clears the dead one's leftovers and succeeds.
    create_backup(corpus_dir, index_dir, instance_dir, out / "b.tar.gz")
    assert [p.name for p in out.iterdir()] == ["b.tar.gz"]
    assert not list(corpus_dir.glob(".backup-*"))


# -- restoring bad archives ------------------------------------------------------------------------------------
def good_archive(corpus_dir, index_dir, instance_dir, tmp_path) -> Path:
    target = tmp_path / "goed.tar.gz"
    create_backup(corpus_dir, index_dir, instance_dir, target)
    return target


def rewrite(source: Path, target: Path, change) -> Path:
    """A copy of an archive with its members passed through `change` (which returns (info, data) pairs)."""
    with tarfile.open(source) as tar, tarfile.open(target, "w:gz") as out:
        for member in tar:
            data = tar.extractfile(member).read() if member.isfile() else b""
            for info, payload in change(member, data):
                out.addfile(info, io.BytesIO(payload) if payload is not None else None)
    return target


def member(name: str, data: bytes = b"x", kind=tarfile.REGTYPE, link: str = "") -> tuple:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, data if kind == tarfile.REGTYPE else None


def bad_archives(good: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    def insert(extra):
        def change(info, data):
            if info.name == SUMS:
                return [extra, (info, data)]
            return [(info, data)]
        return change

    truncated = folder / "afgekapt.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    flipped = bytearray(good.read_bytes())
    flipped[len(flipped) // 2] ^= 0xFF
    corrupt = folder / "beschadigd.tar.gz"
    corrupt.write_bytes(bytes(flipped))
    foreign = folder / "vreemd.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        info, data = member("corpus/verslagen/x.md", b"tekst")
        tar.addfile(info, io.BytesIO(data))
    not_gzip = folder / "tekst.tar.gz"
    not_gzip.write_text("dit is geen archief")
    tampered = rewrite(good, folder / "gewijzigd.tar.gz",
                       lambda info, data: [(info, data.replace(b"erfgoedleerlijnen", b"ERFGOEDLEERLIJNEN"))])
    unsafe = "onveilig onderdeel"
    return {
        "truncated": (truncated, "beschadigd of onvolledig"),
        "corrupt": (corrupt, "onvolledig"),  # zlib's error, or a checksum that does not match
        "foreign": (foreign, "geen back-up van het Kennisplatform"),
        "not gzip": (not_gzip, "beschadigd of onvolledig"),
        "tampered": (tampered, "klopt niet met zijn controlelijst"),
        "absolute": (rewrite(good, folder / "absoluut.tar.gz", insert(member("/tmp/kp-aanval"))), unsafe),
        "climbing": (rewrite(good, folder / "klimt.tar.gz", insert(member("corpus/../../buiten.txt"))), unsafe),
        "symlink": (rewrite(good, folder / "link.tar.gz",
                            insert(member("corpus/verslagen/link.md", kind=tarfile.SYMTYPE, link="/etc/passwd"))),
                    unsafe),
        "hardlink": (rewrite(good, folder / "hardlink.tar.gz",
                             insert(member("corpus/y.md", kind=tarfile.LNKTYPE, link="../../etc/passwd"))), unsafe),
        "elsewhere": (rewrite(good, folder / "elders.tar.gz", insert(member("index/x"))), unsafe),
    }


def test_restore_refuses_corrupt_foreign_truncated_and_unsafe_archives(corpus_dir, index_dir, instance_dir,
                                                                      tmp_path, restored):
    good = good_archive(corpus_dir, index_dir, instance_dir, tmp_path)
    folder = tmp_path / "archieven"
    folder.mkdir()
    corpus, index, instance = restored
    for case, (archive, message) in bad_archives(good, folder).items():
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(index),
                                           "--instance", str(instance), "restore", str(archive)])
        assert result.exit_code == 1, (case, result.output)
        assert message in result.output, (case, result.output)
        assert "Traceback" not in result.output
        assert not corpus.exists() and not instance.exists() and not index.exists(), case
        assert list(corpus.parent.iterdir()) == [], case  # no staging folder left either
    assert not Path("/tmp/kp-aanval").exists() and not (tmp_path / "buiten.txt").exists()
    missing = CliRunner().invoke(main, ["--corpus", str(corpus), "restore", str(folder / "bestaat-niet.tar.gz")])
    assert missing.exit_code == 1 and "bestaat niet" in missing.output
    # The good one still works into the same (still empty) folders.
    assert restore_backup(good, corpus, index, instance).problems == 0


def test_a_newer_format_is_refused_with_its_version(corpus_dir, index_dir, instance_dir, tmp_path, restored):
    good = good_archive(corpus_dir, index_dir, instance_dir, tmp_path)

    def newer(info, data):
        if info.name == MANIFEST:
            data = json.dumps({**json.loads(data), "version": 99}).encode()
            info.size = len(data)
        return [(info, data)]

    archive = rewrite(good, tmp_path / "nieuwer.tar.gz", newer)
    with pytest.raises(BackupError, match="formaatversie 99"):
        restore_backup(archive, *restored)
    assert not restored[0].exists()


def test_restore_needs_empty_folders(corpus_dir, index_dir, instance_dir, tmp_path, restored):
    good = good_archive(corpus_dir, index_dir, instance_dir, tmp_path)
    corpus, index, instance = restored
    instance.mkdir(parents=True)
    (instance / "secret_key").write_text("al-in-gebruik")
    with pytest.raises(BackupError, match="instance-map .* is niet leeg"):
        restore_backup(good, corpus, index, instance)
    assert (instance / "secret_key").read_text() == "al-in-gebruik" and not corpus.exists()
