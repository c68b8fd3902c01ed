"""Backup and restore: one .tar.gz with the corpus (its history included) and the instance folder (accounts,
secret key, search log, settings). The index is left out: it is rebuilt from the corpus.

A backup is consistent while the site serves and editors save: under the corpus lock, each corpus file is
hard-linked into a hidden snapshot folder (no data is copied: 0.5-0.7 s for 10,000 documents). That is a true
snapshot because nothing in the corpus is ever changed in place: documents are replaced by rename, git
objects are written once, refs are replaced by rename. The archive is then written from the snapshot,
without the lock, to a temporary file beside the target, and renamed when complete: a full disk, a killed
process or an unwritable folder leaves no half-written backup.

A restore accepts only our own archives (a manifest first, a checksum list last, every file's sha256 in
it), only regular files and folders below corpus/ and instance/, and only an empty corpus and instance
folder. It unpacks beside the targets and renames them into place, then rebuilds the index."""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import json
import os
import shutil
import tarfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import __version__, history, searchlog, users
from .corpus import fsync_dir, iter_markdown_files
from .editing import corpus_lock
from .errors import KennisplatformError, os_reason

MANIFEST = "kennisplatform-backup.json"
SUMS = "kennisplatform-backup.sha256"
FORMAT = "kennisplatform-backup"
FORMAT_VERSION = 1
SNAPSHOT_PREFIX = ".backup-"
INSTANCE_SKIPPED = {"uploads", searchlog.LOG_FOLDER}  # uploads are temporary; the log comes via its lock
CHUNK = 1 << 20


class BackupError(KennisplatformError):
    """A backup or restore that cannot be done; nothing was written or changed (exit code 1, HTTP 400)."""

    status = 400


@dataclass(frozen=True)
class BackupReport:
    path: Path
    documents: int
    files: int
    bytes: int

    def summary(self) -> str:
        return (f"Back-up geschreven: {self.path} ({self.documents} documenten, {self.files} bestanden, "
                f"{self.bytes / 1_000_000:.1f} MB).")


@dataclass(frozen=True)
class RestoreReport:
    documents: int
    files: int
    problems: int

    def summary(self) -> str:
        text = f"Back-up teruggezet: {self.files} bestanden, {self.documents} documenten in de index."
        if self.problems:
            text += f" Let op: {self.problems} problemen; zie `kennisplatform check`."
        return text


# -- backup ---------------------------------------------------------------------------------------------
def create_backup(corpus_dir: Path, index_dir: Path, instance_dir: Path, target: Path) -> BackupReport:
    corpus_dir, instance_dir = Path(corpus_dir).resolve(), Path(instance_dir).resolve()
    target = Path(target).absolute()
    folder = target.parent
    if not folder.is_dir():
        raise BackupError(f"De map {folder} bestaat niet; er is geen back-up geschreven.")
    if corpus_dir == folder.resolve() or corpus_dir in folder.resolve().parents:
        raise BackupError("Schrijf de back-up buiten de corpusmap; er is geen back-up geschreven.")
    _remove_dead(folder, f".{target.name}.", ".part")
    _remove_dead(corpus_dir, SNAPSHOT_PREFIX, "")
    temp = folder / f".{target.name}.{os.getpid()}.part"
    snapshot = None
    try:
        snapshot, head = _snapshot_corpus(corpus_dir, index_dir)
        instance_files = _instance_files(instance_dir)
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "platform": __version__,
                    "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "history": head, "documents": sum(1 for _ in iter_markdown_files(snapshot))}
        count = _write_archive(temp, snapshot, instance_files, manifest)
        os.replace(temp, target)
        fsync_dir(folder)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise BackupError(_disk_message(exc, folder)) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    finally:
        if snapshot is not None:
            shutil.rmtree(snapshot, ignore_errors=True)
    return BackupReport(target, manifest["documents"], count, target.stat().st_size)


def _disk_message(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"Niet genoeg schijfruimte voor de back-up in {folder}; er is geen back-up geschreven."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Geen schrijfrechten in {folder}; er is geen back-up geschreven."
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"De map {folder} bestaat niet; er is geen back-up geschreven."
    return f"De back-up kon niet worden geschreven ({os_reason(exc)}); er is geen back-up geschreven."


def _snapshot_corpus(corpus_dir: Path, index_dir: Path) -> tuple[Path, str | None]:
    """Hard links of every corpus file (documents, taxonomy, trash, history) taken under the corpus lock."""
    snapshot = corpus_dir / f"{SNAPSHOT_PREFIX}{os.getpid()}-{int(time.time() * 1000)}"
    with corpus_lock(index_dir):
        history.ensure(corpus_dir)  # a corpus without history is adopted first: the backup carries one
        snapshot.mkdir()
        for source, rel in _corpus_files(corpus_dir):
            copy = snapshot / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, copy)
            except OSError:  # a file system without hard links: copy (still under the lock)
                shutil.copy2(source, copy)
        head = history.last_head(corpus_dir)
    return snapshot, head


def _corpus_files(corpus_dir: Path):
    """Every file of the corpus folder except temporary files, lock files and other backups' snapshots."""
    for dirpath, dirnames, filenames in os.walk(corpus_dir):
        top = Path(dirpath) == corpus_dir
        dirnames[:] = sorted(d for d in dirnames
                             if not (top and (d.startswith(SNAPSHOT_PREFIX) or d.startswith(".git-nieuw-"))))
        for name in sorted(filenames):
            if name.startswith(".tmp-") or name.endswith(".lock") or name == history.PENDING:
                continue
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(corpus_dir).as_posix()


def _instance_files(instance_dir: Path) -> dict[str, bytes]:
    """The instance folder's files, each group read consistently under its own lock."""
    if not instance_dir.is_dir():
        return {}
    found = {**users.snapshot(instance_dir), **searchlog.snapshot(instance_dir)}
    for dirpath, dirnames, filenames in os.walk(instance_dir):
        top = Path(dirpath) == instance_dir
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (top and d in INSTANCE_SKIPPED))
        for name in sorted(filenames):
            rel = (Path(dirpath) / name).relative_to(instance_dir).as_posix()
            if name.startswith(".") or rel in found or (top and name in (users.USERS_FILE, users.ATTEMPTS_FILE)):
                continue
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                found[rel] = path.read_bytes()
    return found


def _write_archive(temp: Path, snapshot: Path, instance_files: dict[str, bytes], manifest: dict) -> int:
    sums: list[str] = []
    with open(temp, "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"), 0o644)
            for source, rel in _corpus_files(snapshot):
                name = f"corpus/{rel}"
                sums.append(f"{_file_digest(source)}  {name}")
                info = tar.gettarinfo(str(source), arcname=name)
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                with open(source, "rb") as handle:
                    tar.addfile(info, handle)
            for rel, data in sorted(instance_files.items()):
                name = f"instance/{rel}"
                sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}")
                _add_bytes(tar, name, data, 0o600)
            _add_bytes(tar, SUMS, ("\n".join(sums) + "\n").encode("utf-8"), 0o644)
        raw.flush()
        os.fsync(raw.fileno())
    return len(sums)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, int(time.time())
    tar.addfile(info, io.BytesIO(data))


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- restore --------------------------------------------------------------------------------------------
def restore_backup(archive: Path, corpus_dir: Path, index_dir: Path, instance_dir: Path) -> RestoreReport:
    from .corpus import read_corpus
    from .index import update_index

    archive, corpus_dir, instance_dir = Path(archive), Path(corpus_dir).absolute(), Path(instance_dir).absolute()
    if not archive.is_file():
        raise BackupError(f"Het archief {archive} bestaat niet.")
    for folder, what in ((corpus_dir, "corpusmap"), (instance_dir, "instance-map")):
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise BackupError(f"De {what} {folder} is niet leeg; terugzetten kan alleen in een lege map. "
                              "Er is niets gewijzigd.")
        folder.parent.mkdir(parents=True, exist_ok=True)
    stamp = f"{os.getpid()}-{int(time.time() * 1000)}"
    staged = {"corpus": corpus_dir.parent / f".{corpus_dir.name}.terugzetten-{stamp}",
              "instance": instance_dir.parent / f".{instance_dir.name}.terugzetten-{stamp}"}
    try:
        for folder in staged.values():
            folder.mkdir()
        files = _extract(archive, staged)
        for key, target in (("corpus", corpus_dir), ("instance", instance_dir)):
            if target.exists():
                target.rmdir()
            os.rename(staged[key], target)
    finally:
        for folder in staged.values():
            shutil.rmtree(folder, ignore_errors=True)
    report = update_index(corpus_dir, index_dir, rebuild=True)
    documents, problems = read_corpus(corpus_dir)
    problems += history.verify(corpus_dir)
    return RestoreReport(report.added, files, len(problems))


def _extract(archive: Path, staged: dict[str, Path]) -> int:
    """Unpack into the staging folders, checking every member; returns the number of files."""
    digests: dict[str, str] = {}
    sums: dict[str, str] | None = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            first = True
            for member in tar:
                if first:
                    _check_manifest(tar, member)
                    first = False
                    continue
                if member.name == SUMS and member.isfile():
                    sums = _read_sums(tar, member)
                    continue
                if sums is not None:
                    raise BackupError("Het archief heeft bestanden na de controlelijst; het is niet van ons.")
                target = _member_target(member, staged)
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                digests[member.name] = _copy_member(tar, member, target)
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeError, ValueError) as exc:
        raise BackupError("Het archief is beschadigd of onvolledig; er is niets teruggezet.") from exc
    if sums is None or sums != digests:
        raise BackupError("Het archief is onvolledig of klopt niet met zijn controlelijst; er is niets teruggezet.")
    return len(digests)


def _check_manifest(tar: tarfile.TarFile, member: tarfile.TarInfo) -> None:
    foreign = BackupError("Dit archief is geen back-up van het Kennisplatform; er is niets teruggezet.")
    if member.name != MANIFEST or not member.isfile() or member.size > 100_000:
        raise foreign
    try:
        data = json.loads(tar.extractfile(member).read().decode("utf-8"))
    except (ValueError, UnicodeError, AttributeError):
        raise foreign from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise foreign
    if data.get("version") != FORMAT_VERSION:
        raise BackupError(f"Deze back-up heeft formaatversie {data.get('version')}; deze versie van het "
                          f"platform leest versie {FORMAT_VERSION}. Er is niets teruggezet.")


def _read_sums(tar: tarfile.TarFile, member: tarfile.TarInfo) -> dict[str, str]:
    sums = {}
    for line in tar.extractfile(member).read().decode("utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if digest and name:
            sums[name] = digest
    return sums


def _member_target(member: tarfile.TarInfo, staged: dict[str, Path]) -> Path:
    """Where a member goes; refuses links, devices, absolute paths and paths that climb out."""
    name = member.name
    path = PurePosixPath(name)
    unsafe = (path.is_absolute() or "\\" in name or any(p in ("..", "") for p in name.rstrip("/").split("/"))
              or not (member.isfile() or member.isdir()) or len(path.parts) < 2 and not member.isdir()
              or path.parts[0] not in staged)
    if unsafe:
        raise BackupError(f"Het archief bevat een onveilig onderdeel ({name[:100]}); er is niets teruggezet.")
    return staged[path.parts[0]].joinpath(*path.parts[1:])


def _copy_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    digest = hashlib.sha256()
    source = tar.extractfile(member)
    mode = 0o600 if target.name in ("secret_key", users.USERS_FILE, users.ATTEMPTS_FILE) else 0o644
    with open(target, "xb") as handle:  # "x": a name twice in the archive is refused, never overwritten
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            handle.write(chunk)
    os.chmod(target, mode)
    os.utime(target, (member.mtime, member.mtime))  # "laatst gewijzigd" survives a move
    return digest.hexdigest()


# -- helpers ---------------------------------------------------------------------------------------------
def _remove_dead(folder: Path, prefix: str, suffix: str) -> None:
    """Leftovers of a backup process that was killed: names carry the pid, and only dead ones go."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(suffix)):
            continue
        middle = entry.name[len(prefix):len(entry.name) - len(suffix)] if suffix else entry.name[len(prefix):]
        pid_text = middle.split(".")[-1] if suffix else middle.split("-")[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            Path(entry.path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


