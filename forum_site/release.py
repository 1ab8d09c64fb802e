"""Which release of the site is running: a fingerprint of the site's own files, unless a deployment names
its release itself (settings: RELEASE, the commit say).

The cache's keys carry it (settings: `KEY_PREFIX`), so a new release never serves what the last one kept in
Redis: pages rendered by old templates or catalogues, pages linking to static files that the new release
collected under other names, objects pickled from models that have changed since. App servers of one release
read the same files, find the same fingerprint and share the cache, and its purges, as before.

Imported by the settings: it uses nothing of Django.
"""

import hashlib
import os
from pathlib import Path

# The folders of the site's own code, templates, catalogues, static sources and pinned requirements: the Python
# packages at the top of the project, and these.
SOURCE_FOLDERS = ("templates", "static", "locale", "requirements")
SOURCE_SUFFIXES = frozenset(
    {".py", ".html", ".txt", ".xml", ".po", ".css", ".js", ".json", ".svg", ".woff2", ".png", ".jpg", ".ico"}
)


def source_files(root):
    """The site's own files below `root`, in a stable order; never what it compiles, collects or stores
    (__pycache__, .mo, static and media roots, hidden folders such as the virtual environment)."""
    root = Path(root)
    folders = [
        child
        for child in sorted(root.iterdir())
        if child.is_dir() and (child.name in SOURCE_FOLDERS or (child / "__init__.py").is_file())
    ]
    for folder in folders:
        for directory, subdirectories, files in os.walk(folder):
            subdirectories[:] = sorted(name for name in subdirectories if not name.startswith((".", "__pycache__")))
            for name in sorted(files):
                path = Path(directory, name)
                if path.suffix in SOURCE_SUFFIXES:
                    yield path


def fingerprint(root):
    """A short digest of the names and contents of the site's files below `root` (not of their dates, which
    differ from one server's copy to another's)."""
    digest = hashlib.blake2b(digest_size=6)
    for path in source_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
