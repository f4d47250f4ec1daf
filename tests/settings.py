"""Settings for the test suite: production settings with test-only secrets."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# Jobs run inside the request or command that starts them, unless a test
# runs a real worker (tests/jobs/test_worker.py).
os.environ.setdefault("TASKS_BACKEND", "immediate")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The browser tests talk plain HTTP to the live server.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The jobs' live progress: a folder of this run, shared with the workers a
# test starts (they inherit the environment variable); in Redis, as in
# production, when a test of RQ workers gives REDIS_URL.
if "WORKBENCH_JOB_PROGRESS" not in os.environ:
    os.environ["WORKBENCH_JOB_PROGRESS"] = tempfile.mkdtemp(prefix="wb-jobs-")
if not REDIS_URL:  # noqa: F405
    CACHES["jobs"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["WORKBENCH_JOB_PROGRESS"],
    }
