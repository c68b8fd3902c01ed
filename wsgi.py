"""The WSGI entry point for running gunicorn yourself: `gunicorn --preload -w 3 -b 127.0.0.1:8000 wsgi:app`.
`kennisplatform serve` does this for you and updates the index once before the workers start; with this
file every worker brings the index up to date on start, one after another under its write lock.

With --preload the master loads the app (and the Dutch word list) once and forks the workers, which share
those pages; the index files and sidecars are shared through the page cache either way. Three workers
then use 1.5x the memory of one instead of 1.75x (docs/performance.md, session 3)."""
from kennisplatform import create_app

app = create_app()
