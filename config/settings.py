"""Settings, read from the environment.

``DATABASE_URL`` (default: SQLite under ``data/``), ``SECRET_KEY`` (required
when ``DEBUG`` is off), ``ALLOWED_HOSTS`` (comma-separated), ``DEBUG``.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("WORKBENCH_DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off "
            "(or set DEBUG=1 for a local workbench)."
        )
    SECRET_KEY = "django-insecure-local-workbench-only"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "workbench",
    "glossary",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so that every answer carries the policy, refusals included.
    "csp.middleware.CSPMiddleware",
    "workbench.middleware.HostileRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "workbench.middleware.RoleRequiredMiddleware",
    "workbench.middleware.ControlCharacterMiddleware",
    "workbench.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its page.
    "axes.middleware.AxesMiddleware",
]

# Logins: django-axes counts failures per account and per address; five in
# a row lock that account, or that address, for an hour (or until a manager
# unlocks it on the Locked accounts page).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not wipe the failures: it would also wipe those made from the
# same address against other accounts. They expire with the cool-off.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind N trusted proxies, the client's address is the Nth from the right of
# X-Forwarded-For; without them (0), REMOTE_ADDR. Set it, or every login
# seems to come from the proxy and one address's lock-out locks everyone.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "workbench.accounts.client_address"

# The admin's translation tabs (django-modeltranslation) use jQuery UI: this
# site's own copy (static/vendor), not a CDN the policy below forbids.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Content Security Policy (django-csp): the pages load scripts, styles and
# images from this site only; no inline script, no inline style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "workbench.context_processors.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

if not os.environ.get("DATABASE_URL"):
    # The embedded default: an SQLite file in the git-ignored data folder.
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.config(
        default="sqlite:///" + str(DATA_DIR / "workbench.sqlite3"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Write-ahead logging: pages (and ``manage.py jobs``) read while a worker's
    # import holds its long write transaction, instead of waiting for it.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL;"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One-time form tokens (core.once) live in the database, so every worker
# process sees them: a double submit that reaches two gunicorn workers is
# still done once. The table is made by `manage.py createcachetable`.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "once": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "workbench_form_tokens",
    },
    # The API's request counts per token (api.throttles), which every
    # worker process must share.
    "throttle": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "throttle",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "workbench_form_tokens",
            "KEY_PREFIX": "throttle",
        }
    ),
    # A running job's progress, heartbeat and cancel flag (jobs.progress),
    # written outside the job's transaction: Redis, which workers on several
    # hosts share, or files, which the processes of one host share.
    "jobs": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "job-progress"),
        }
    ),
}

# Background work (jobs.running) goes through Django's Tasks API; the
# backend is this setting. TASKS_BACKEND=database (the default) keeps the
# queue in the database (workers: manage.py db_worker); TASKS_BACKEND=rq
# keeps it in Redis at REDIS_URL (workers: manage.py rqworker --job-class
# django_tasks_rq.Job, on any number of hosts); TASKS_BACKEND=immediate runs
# a job inside the request that starts it (tests).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND not in ("database", "rq", "immediate"):
    raise ImproperlyConfigured(
        "TASKS_BACKEND is database, rq or immediate, not %r" % TASKS_BACKEND
    )
if TASKS_BACKEND == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "rq": "django_tasks_rq.RQBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}
#: The longest a job may run on RQ before its worker stops it (RQ's own
#: default is 180 s; a 1M-unit TMX import takes minutes).
JOB_TIMEOUT_SECONDS = int(os.environ.get("JOB_TIMEOUT_SECONDS", str(12 * 3600)))
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": JOB_TIMEOUT_SECONDS}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation." + name}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Concept definitions and notes are kept in every UI language.
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans", "zh-hant")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en",),
    "zh-hant": ("zh-hans", "en"),
    "zh-hans": ("zh-hant", "en"),
}
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Hong_Kong")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "document-list"
LOGOUT_REDIRECT_URL = "login"

# Limits, each in this one place: forms, messages, views and commands read
# them here, and format readers take them as arguments.
MB = 1024 * 1024
#: A source document, uploaded (imported by a background job, the upload
#: streamed into the database in chunks) or given to import_document.
MAX_DOCUMENT_BYTES = 200 * MB
#: What a .docx may unpack to, counted while it is unpacked (whatever its zip
#: headers declare), and how many parts it may have.
MAX_UNPACKED_BYTES = 200 * MB
MAX_ARCHIVE_PARTS = 10_000
#: One paragraph of a source document: a longer one is refused, naming the
#: paragraph. One sentence: a longer one is cut at its clause boundaries
#: (；; then ，,、 then spaces) into sentences within the limit, and refused,
#: naming the paragraph, only when a longer stretch has no boundary at all.
#: A press release's longest sentence is under 1,000 characters; 2,000 keeps
#: a sentence on one screen of the editor and its page small.
MAX_PARAGRAPH_CHARS = 100_000
MAX_SENTENCE_CHARS = 2_000
#: Rows of a glossary file and characters of one of its cells.
MAX_GLOSSARY_ROWS = 100_000
MAX_GLOSSARY_CELL_CHARS = 10_000
#: Units of a PO, XLIFF or TMX file of translations coming back: through
#: import_translations, and through the browser, where each unit costs about
#: 2 ms on PostgreSQL and the request must end well inside gunicorn's 120 s.
MAX_FILE_UNITS = 100_000
MAX_UPLOAD_UNITS = 10_000
#: Sentences of one document: 50,000 import in about 15 s with two target
#: languages on PostgreSQL (benchmarks/import_limits.py).
MAX_DOCUMENT_SENTENCES = 50_000
#: A PO file of translations (a press release's is about 100 KB; 10 MB parse
#: in about a second).
MAX_PO_BYTES = 10 * MB
#: A file of translations (PO, XLIFF) uploaded in the browser, applied
#: inside the request; and a glossary file uploaded (imported by a job).
MAX_UPLOAD_BYTES = 50 * MB
#: A TMX uploaded in the browser for the memory: imported by a background
#: job (jobs/), its file streamed into the database in chunks on the way.
MAX_TMX_UPLOAD_BYTES = 2 * 1024 * MB
#: A document of more sentences than this is exported by a background job
#: (its file kept for download); a smaller one is sent at once.
EXPORT_JOB_SENTENCES = 5_000
#: Days a finished job's files (an export to download, a failed import's
#: upload for a retry) are kept before prune_jobs deletes them.
JOB_FILES_DAYS = int(os.environ.get("JOB_FILES_DAYS", "7"))
#: A running job whose worker has not said "still running" for this many
#: seconds has lost it (killed, the host gone) and is marked failed; a worker
#: says so every 5 seconds.
JOB_STALE_SECONDS = int(os.environ.get("JOB_STALE_SECONDS", "60"))
#: Characters the converter page converts at once.
MAX_CONVERT_CHARS = 200_000
#: Characters of a search (the memory's concordance) that are searched for.
MAX_QUERY_CHARS = 200
#: Characters of a comment kept (the rest is cut).
MAX_COMMENT_CHARS = 5000
# Django's: request bodies held in memory (a form without files) and the size
# above which an uploaded file goes to a temporary file instead of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * MB
FILE_UPLOAD_MAX_MEMORY_SIZE = 25 * MB

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True

# One line per event: Django's own "django" logger would otherwise keep its
# default console handler (under DEBUG) and also pass the record on to the
# root handler, printing every request warning twice. Configuring it here
# drops that handler; its records reach the root handler once.
# ("django.server", the development server's request lines, keeps Django's
# format and does not propagate: also once.)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
        },
    },
}

# Target languages a new document gets unless the importer names others.
WORKBENCH_TARGET_LANGUAGES = [
    code.strip()
    for code in os.environ.get(
        "WORKBENCH_TARGET_LANGUAGES", "zh-Hant,zh-Hans,en"
    ).split(",")
    if code.strip()
]


# The REST API (api/): a personal token or the browser's session; problem
# details for every error; a rate per token (or per address before one).
API_RATE = os.environ.get("API_RATE", "600/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasRole"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttles.PerUser",
        "api.throttles.PerAddress",
    ],
    "DEFAULT_THROTTLE_RATES": {"user": API_RATE, "anon": "60/minute"},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # ?format= is the export's file format, not DRF's renderer
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Translation workbench API",
    "DESCRIPTION": (
        "Documents, sentences and their translations, review, jobs, the "
        "glossary and Chinese script conversion, for scripts and other "
        "systems. Authenticate with a personal token (Authorization: Bearer "
        "wb_…) made on the API tokens page. Errors are problem details "
        "(RFC 9457); a save based on a stale version is a 409 carrying the "
        "sentence's current text and version. Limits: a JSON body of %d MB, "
        "a document upload of %d MB, a TMX upload of %d MB; %s requests per "
        "token."
    )
    % (
        DATA_UPLOAD_MAX_MEMORY_SIZE // MB,
        MAX_DOCUMENT_BYTES // MB,
        MAX_TMX_UPLOAD_BYTES // MB,
        API_RATE,
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI served from this site, not a CDN (the policy forbids one)
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.problem_responses",
    ],
}
