"""The WSGI entry point for running gunicorn yourself: `gunicorn -w 3 -b 127.0.0.1:8000 wsgi:app`.
`kennisplatform serve` does this for you and updates the index once before the workers start; with this
file every worker brings the index up to date on start, one after another under its write lock."""
from kennisplatform import create_app

app = create_app()
