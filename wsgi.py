"""The WSGI entry point for gunicorn: `gunicorn -w 3 -b 127.0.0.1:8000 wsgi:app`."""
from kennisplatform import create_app

app = create_app()
