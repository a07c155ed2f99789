"""The words of ``caf-stub``'s command line (its help, its start-up lines), in caf_tui so the
catalogs find them: they are the tool's words, not the portal's content (which stays French)."""

from __future__ import annotations

from caf_tui import cli_words
from caf_tui.i18n import N_

#: Each setting's help; a setting not here is helped by its own description (in English).
STUB_HELP: dict[str, str] = {
    "host": N_("adresse d'écoute (défaut : 127.0.0.1)"),
    "port": N_("port d'écoute (défaut : 8800 ; 0 : un port libre)"),
    "log_level": N_(
        "niveau du journal sur la sortie d'erreur : info (défaut) montre les requêtes et les "
        "événements du bouchon, secrets masqués comme dans son journal ; warning, les erreurs"
    ),
    "log_format": cli_words.LOG_FORMAT_HELP,
    "db": N_(
        "fichier SQLite, ou :memory:, une base en mémoire (défaut : dossier de données de "
        "l'utilisateur), ou l'URL postgresql://… d'un serveur PostgreSQL partagé"
    ),
    "workers": N_(
        "processus de service (défaut : 1) ; plus d'un demande une base PostgreSQL (--db "
        "postgresql://…)"
    ),
    "fixed_code": N_("chaque code de vérification vaut ces 6 chiffres (tests, démos)"),
    "password_min_length": N_("longueur minimale d'un mot de passe (défaut : 8)"),
    "password_max_length": N_("longueur maximale d'un mot de passe (défaut : 24)"),
    "control_api": N_(
        "routes QA /_stub : servies par défaut sur la boucle locale seulement ; "
        "--control-api les sert au-delà"
    ),
    "start_time": N_("heure de l'horloge au départ (ISO 8601)"),
    "frozen": N_("l'horloge n'avance que sur ordre"),
    "idle_timeout_seconds": N_("inactivité avant la fin d'une session, en secondes (1800)"),
    "absolute_timeout_seconds": N_("durée maximale d'une session, en secondes (43200)"),
    "resend_cooldown_seconds": N_("attente avant de renvoyer un code, en secondes (60)"),
    "max_sends_per_hour": N_("codes envoyés au plus par heure (5)"),
    "max_code_attempts": N_("essais d'un code au plus (5)"),
    "max_login_failures": N_("échecs de connexion avant un blocage (5)"),
    "lock_minutes": N_("durée du premier blocage, en minutes (15)"),
    "max_lock_minutes": N_("les blocages croissent jusqu'à tant de minutes (1440)"),
    "max_consecutive_failures": N_(
        "échecs d'affilée avant un blocage jusqu'au nouveau mot de passe (100)"
    ),
    "client_max_failures": N_("échecs de connexion au plus par client… (20)"),
    "client_window_seconds": N_("…dans cette fenêtre glissante, en secondes (300)"),
}

DESCRIPTION = N_("Portail Caf « Mon Compte » simulé, hors ligne, avec les foyers de démo.")
EPILOG = N_(
    "Chaque option a sa variable CAF_STUB_* ; un réglage sans aide ici est décrit en anglais, "
    "par le code. Option > variable > défaut."
)
LANG_HELP = N_("langue des messages : fr ou en [CAF_TUI_LANG]")
SERVICE = N_("service")
PORTAL_SETTINGS = N_("réglages du portail simulé")
ENABLE_CONTROL = N_("comme --control-api")
LISTENING = N_("Portail CAF simulé : {url}  (base de données : {db})")
CONTROL_ROUTES = N_("Routes de contrôle /_stub : {state}")
ON = N_("activées")
OFF = N_("désactivées")
WORKERS_NEED_POSTGRES = N_(
    "--workers : plus d'un processus demande une base PostgreSQL, partagée par tous ; "
    "{db} est une base SQLite, qu'un seul processus sert. Donnez --db postgresql://… ou "
    "--workers 1."
)
REACHABLE = N_("Attention : /_stub est joignable au-delà de cette machine.")
