"""Validation rules, written once.

The live checklist, the client-side checks before sending, and the stub's enforcement all call
these functions. They are pure: no I/O, no UI.
"""

from __future__ import annotations

import re
import string
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from caf_tui.api import IdentifierKind
from caf_tui.i18n import N_, _

if TYPE_CHECKING:
    import phonenumbers

    from caf_tui.api import PasswordPolicy


class RuleError(ValueError):
    """A value breaks a rule. ``message`` is French, for the person; ``code`` for programs."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- Identifiers -----------------------------------------------------------------------------

_NIR_SEPARATORS = re.compile(r"[\s.\-]")
NIR_BODY_LENGTH = 13
NIR_FULL_LENGTH = 15
TEMPORARY_ID = re.compile(r"^T\d{8}$")


def normalise_nir(text: str) -> str:
    """Return the 15-digit NIR (key included) for 13 or 15 digits typed with spaces or dots.

    Raises ``RuleError`` saying what is wrong: empty, not digits, too short, too long, wrong key.
    """
    compact = _NIR_SEPARATORS.sub("", text).upper()
    if not compact:
        raise RuleError("nir_empty", _("Saisissez votre numéro de Sécurité sociale."))
    if not re.fullmatch(r"[0-9AB]+", compact):
        raise RuleError(
            "nir_format",
            _("Le numéro de Sécurité sociale ne contient que des chiffres (13 ou 15)."),
        )
    if len(compact) < NIR_BODY_LENGTH:
        raise RuleError(
            "nir_too_short",
            _(
                "Numéro trop court : il faut 13 chiffres (ou 15 avec la clé), "
                "vous en avez saisi {n}."
            ).format(n=len(compact)),
        )
    if len(compact) == 14 or len(compact) > NIR_FULL_LENGTH:
        raise RuleError(
            "nir_length",
            _(
                "Le numéro doit compter 13 chiffres (ou 15 avec la clé) ; vous en avez saisi {n}."
            ).format(n=len(compact)),
        )
    # Imported when first needed: stdnum brings pydoc, a tenth of a bare Textual app's paint.
    from stdnum.fr import nir as stdnum_nir

    body = compact[:NIR_BODY_LENGTH]
    try:
        key = stdnum_nir.calc_check_digits(body)
        full = body + key
        stdnum_nir.validate(full)
    except ValueError as exc:  # stdnum's InvalidFormat, InvalidComponent, InvalidLength too
        raise RuleError(
            "nir_format", _("Ce numéro de Sécurité sociale n'est pas valide : vérifiez-le.")
        ) from exc
    if len(compact) == NIR_FULL_LENGTH and compact[NIR_BODY_LENGTH:] != key:
        raise RuleError(
            "nir_key",
            _("La clé (les 2 derniers chiffres) ne correspond pas au numéro : vérifiez-les."),
        )
    return full


def check_nir_key(full: str) -> None:
    """Raise ``RuleError`` when a 15-digit NIR's key is wrong (for callers holding 15 digits)."""
    from stdnum.exceptions import InvalidChecksum
    from stdnum.fr import nir as stdnum_nir

    try:
        stdnum_nir.validate(full)
    except InvalidChecksum as exc:
        raise RuleError("nir_key", _("La clé ne correspond pas au numéro.")) from exc


def format_nir(nir: str) -> str:
    """Group a NIR as the carte Vitale prints it: ``1 83 05 99 999 011 72``."""
    compact = _NIR_SEPARATORS.sub("", nir)
    parts = [compact[0:1], compact[1:3], compact[3:5], compact[5:7], compact[7:10], compact[10:13]]
    if len(compact) > NIR_BODY_LENGTH:
        parts.append(compact[13:])
    return " ".join(p for p in parts if p)


def normalise_temporary_id(text: str) -> str:
    """Return ``T`` + 8 digits, or raise ``RuleError``."""
    compact = _NIR_SEPARATORS.sub("", text).upper()
    if not compact:
        raise RuleError("temporary_empty", _("Saisissez votre identifiant provisoire."))
    if not TEMPORARY_ID.fullmatch(compact):
        raise RuleError(
            "temporary_format",
            _("L'identifiant provisoire commence par T suivi de 8 chiffres (ex. : T00000042)."),
        )
    return compact


def normalise_identifier(kind: IdentifierKind, text: str) -> str:
    if kind is IdentifierKind.TEMPORARY:
        return normalise_temporary_id(text)
    return normalise_nir(text)


# --- Passwords -------------------------------------------------------------------------------


class PasswordRule(StrEnum):
    LENGTH = "length"
    DIGIT = "digit"
    LOWER = "lower"
    UPPER = "upper"
    CHARSET = "charset"
    MATCH = "match"


class RuleCheck(NamedTuple):
    rule: PasswordRule
    label: str
    ok: bool


_ALLOWED = frozenset(string.ascii_letters + string.digits)
LEGACY_PASSWORD = re.compile(r"^\d{8}$")


#: Each rule's checklist line, as the portal words it ("8 à 24 caractères"), and what to do to
#: satisfy it when it fails (for messages and the plain mode's sentence).
_RULE_WORDS: dict[PasswordRule, tuple[str, str]] = {
    PasswordRule.LENGTH: (N_("{min} à {max} caractères"), N_("utilisez {min} à {max} caractères")),
    PasswordRule.DIGIT: (N_("1 chiffre"), N_("ajoutez un chiffre")),
    PasswordRule.LOWER: (N_("1 lettre minuscule"), N_("ajoutez une minuscule")),
    PasswordRule.UPPER: (N_("1 lettre majuscule"), N_("ajoutez une majuscule")),
    # The advice is also said when nothing is typed: « retirez… » would not fit an empty entry.
    PasswordRule.CHARSET: (
        N_("chiffres et lettres uniquement"),
        N_("n'utilisez que des lettres sans accent et des chiffres"),
    ),
    PasswordRule.MATCH: (
        N_("les deux saisies sont identiques"),
        N_("saisissez deux fois le même mot de passe"),
    ),
}


def _rule_words(msgid: str, policy: PasswordPolicy) -> str:
    return _(msgid).format(min=policy.min_length, max=policy.max_length)


def rule_label(rule: PasswordRule, policy: PasswordPolicy) -> str:
    """The checklist line, as the portal words it ("8 à 24 caractères")."""
    return _rule_words(_RULE_WORDS[rule][0], policy)


def rule_advice(rule: PasswordRule, policy: PasswordPolicy) -> str:
    """What to do to satisfy a failing rule, for messages and the plain mode's sentence."""
    return _rule_words(_RULE_WORDS[rule][1], policy)


def check_password(
    password: str, confirmation: str | None, policy: PasswordPolicy
) -> list[RuleCheck]:
    """Every rule of ``policy`` with whether ``password`` meets it.

    ``confirmation`` None leaves out the "match" rule (for a check of the password alone).
    """
    checks: list[tuple[PasswordRule, bool]] = [
        (PasswordRule.LENGTH, policy.min_length <= len(password) <= policy.max_length)
    ]
    if policy.require_digit:
        checks.append((PasswordRule.DIGIT, any(c in string.digits for c in password)))
    if policy.require_lower:
        checks.append((PasswordRule.LOWER, any(c in string.ascii_lowercase for c in password)))
    if policy.require_upper:
        checks.append((PasswordRule.UPPER, any(c in string.ascii_uppercase for c in password)))
    if policy.letters_and_digits_only:
        # No characters are not « letters and digits only »: with nothing typed, every rule
        # reads as not yet met.
        checks.append((PasswordRule.CHARSET, bool(password) and _ALLOWED.issuperset(password)))
    if confirmation is not None:
        checks.append((PasswordRule.MATCH, bool(password) and password == confirmation))
    return [RuleCheck(rule, rule_label(rule, policy), ok) for rule, ok in checks]


def failed_rules(checks: list[RuleCheck]) -> list[PasswordRule]:
    return [c.rule for c in checks if not c.ok]


def checklist_sentence(checks: list[RuleCheck], policy: PasswordPolicy) -> str:
    """The checklist as one sentence: "3 règles sur 5 respectées : ajoutez un chiffre…"."""
    met = sum(c.ok for c in checks)
    head = _("{met} règles sur {total} respectées").format(met=met, total=len(checks))
    missing = [rule_advice(c.rule, policy) for c in checks if not c.ok]
    if not missing:
        return head + "."
    return head + " : " + _join(missing) + "."


#: Between the last two items of a list said in words (also the line mode's durations).
AND = N_("et")


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " " + _(AND) + " " + items[-1]


# --- Verification codes ----------------------------------------------------------------------

CODE_LENGTH = 6


def normalise_code(text: str, length: int = CODE_LENGTH) -> str:
    compact = re.sub(r"\s", "", text)
    if not compact:
        raise RuleError("code_empty", _("Saisissez le code de vérification reçu."))
    if not compact.isdecimal() or not compact.isascii():
        raise RuleError("code_format", _("Le code ne contient que des chiffres."))
    if len(compact) != length:
        raise RuleError(
            "code_length",
            _("Le code compte {length} chiffres ; vous en avez saisi {n}.").format(
                length=length, n=len(compact)
            ),
        )
    return compact


# --- Contact details -------------------------------------------------------------------------

# phonenumbers and email_validator are imported by the functions that use them: the login
# screen, painted first, needs neither.

# Metropolitan France and the overseas regions whose numbers phonenumbers knows apart.
PHONE_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")


def normalise_phone(text: str) -> str:
    """Return a French or overseas mobile number in E.164 form (+33615000000), or raise.

    A national number (0690…, 0692…) is tried against each region, since overseas mobiles are
    dialled from France with a leading 0 like metropolitan ones.
    """
    import phonenumbers

    if not text.strip():
        raise RuleError("phone_empty", _("Saisissez un numéro de téléphone portable."))
    number = _parse_french_number(text)
    if number is None:
        raise RuleError(
            "phone_format",
            _(
                "Saisissez un numéro de portable de France métropolitaine ou d'outre-mer "
                "(10 chiffres, ex. 06 12 34 56 78)."
            ),
        )
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise RuleError(
            "phone_not_mobile",
            _("Le code est envoyé par SMS : saisissez un numéro de portable (06, 07…)."),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_french_number(text: str) -> phonenumbers.PhoneNumber | None:
    import phonenumbers

    for region in PHONE_REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.region_code_for_number(number) in PHONE_REGIONS
        ):
            return number
    return None


def format_phone(e164: str) -> str:
    """Show a stored number the French way: ``06 15 00 00 00``."""
    import phonenumbers

    number = phonenumbers.parse(e164, "FR")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalise_email(text: str) -> str:
    """Return the normalised address (no DNS look-up), or raise ``RuleError``."""
    from email_validator import EmailNotValidError, validate_email

    if not text.strip():
        raise RuleError("email_empty", _("Saisissez une adresse e-mail."))
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise RuleError(
            "email_format",
            _("Cette adresse e-mail n'est pas valide : vérifiez-la (ex. : prenom.nom@exemple.fr)."),
        ) from exc


# --- Account creation (« Créer Mon Compte ») ----------------------------------------------------

MINIMUM_SIGNUP_AGE = 16
"""« Tous les membres du foyer, de plus de 15 ans, auront la possibilité de se créer un compte »."""


def normalise_numero_allocataire(text: str) -> str:
    """Return the 7 digits of a numéro allocataire, or raise ``RuleError``."""
    compact = _NIR_SEPARATORS.sub("", text)
    if not compact:
        raise RuleError("allocataire_empty", _("Saisissez votre numéro allocataire."))
    if not re.fullmatch(r"\d{7}", compact):
        raise RuleError(
            "allocataire_format",
            _("Le numéro allocataire compte 7 chiffres (il figure sur vos courriers de la Caf)."),
        )
    return compact


def normalise_postal_code(text: str) -> str:
    compact = text.strip().replace(" ", "")
    if not re.fullmatch(r"\d{5}", compact):
        raise RuleError("postal_code_format", _("Le code postal compte 5 chiffres (ex. : 93200)."))
    return compact


def normalise_name(text: str, field_label: str) -> str:
    """A family or given name: trimmed, letters with spaces, hyphens or apostrophes."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise RuleError("name_empty", _("Saisissez votre {field}.").format(field=field_label))
    if not re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", cleaned):
        raise RuleError(
            "name_format",
            _(
                "Votre {field} ne peut contenir que des lettres, des espaces, des tirets et des "
                "apostrophes."
            ).format(field=field_label),
        )
    return cleaned


def same_name(a: str, b: str) -> bool:
    """Names compared without case, accents or extra spaces (« Inès » is « INES »)."""

    def fold(text: str) -> str:
        return " ".join(_plain_letters(text).casefold().split())

    return fold(a) == fold(b)


def _read_date(text: str) -> date | None:
    """``JJ/MM/AAAA`` (or ISO ``AAAA-MM-JJ``) as a date; None when it is neither."""
    cleaned = text.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def parse_birth_date(text: str) -> date:
    """``JJ/MM/AAAA`` (or ISO) to a date, or raise ``RuleError``."""
    if (day := _read_date(text)) is not None:
        return day
    raise RuleError(
        "birth_date_format", _("Saisissez votre date de naissance au format JJ/MM/AAAA.")
    )


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def check_signup_age(birth: date, today: date) -> None:
    """Raise ``RuleError`` unless the person is at least 16 (and born in the past)."""
    if birth > today:
        raise RuleError("birth_date_future", _("La date de naissance est dans le futur."))
    if age_on(birth, today) < MINIMUM_SIGNUP_AGE:
        raise RuleError(
            "too_young",
            _(
                "Il faut avoir au moins {age} ans pour créer son compte : le ou la responsable du "
                "dossier peut faire vos démarches."
            ).format(age=MINIMUM_SIGNUP_AGE),
        )


# --- Declarations and benefit requests (issue 18) ----------------------------------------------

MAX_MOVE_AGE_DAYS = 730
"""A move declared more than two years after it happened is dealt with by the Caf itself."""
MAX_SITUATION_AGE_DAYS = 1826
"""The same for a change of family situation, five years."""


def normalise_street(text: str) -> str:
    """The number and street of an address: 3 to 120 characters, letters and digits."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise RuleError(
            "street_empty", _("Saisissez le numéro et la voie (ex. : 12 rue des Lilas).")
        )
    if len(cleaned) < 3 or not re.search(r"[^\W\d_]", cleaned):
        raise RuleError(
            "street_format",
            _("Saisissez le numéro et le nom de la voie (ex. : 12 rue des Lilas)."),
        )
    if not re.fullmatch(r"[\w ,.'’/°-]+", cleaned):
        raise RuleError(
            "street_format",
            _(
                "L'adresse ne peut contenir que des lettres, des chiffres, des espaces et les "
                "signes , . ' - / : corrigez-la."
            ),
        )
    return cleaned


def check_commune(postal_code: str, commune: str) -> str:
    """The commune's name as the demo spells it, if it matches the code postal (already
    normalised by ``normalise_postal_code``); else ``RuleError``."""
    from caf_tui.communes import COMMUNES_BY_POSTAL_CODE

    cleaned = " ".join(commune.split())
    if not cleaned:
        raise RuleError("commune_empty", _("Saisissez la commune (ex. : Saint-Denis)."))
    known = COMMUNES_BY_POSTAL_CODE.get(postal_code)
    if known is None:
        raise RuleError(
            "postal_code_unknown",
            _(
                "Le code postal {code} n'existe pas dans la liste des communes : vérifiez-le "
                "sur votre courrier ou votre bail."
            ).format(code=postal_code),
        )

    def fold(text: str) -> str:
        return "".join(c for c in text.replace("-", " ").split()).casefold()

    wanted = fold(_plain_letters(cleaned)).replace("saint", "st")
    for name in known:
        if fold(_plain_letters(name)).replace("saint", "st") == wanted:
            return name
    raise RuleError(
        "commune_mismatch",
        _("La commune ne correspond pas au code postal {code} : saisissez {names}.").format(
            code=postal_code, names=" ou ".join(f"« {name} »" for name in known)
        ),
    )


def _plain_letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c))


def parse_date(text: str, field_label: str) -> date:
    """``JJ/MM/AAAA`` (or ISO ``AAAA-MM-JJ``) to a date, or ``RuleError`` naming the field."""
    if (day := _read_date(text)) is not None:
        return day
    raise RuleError(
        "date_format",
        _("Saisissez {field} au format JJ/MM/AAAA (ex. : 01/11/2026).").format(field=field_label),
    )


def check_past_date(when: date, today: date, field_label: str, max_age_days: int) -> None:
    """A date of an event already happened, and not so long ago that it is absurd to declare."""
    if when > today:
        raise RuleError(
            "date_future",
            _(
                "{field} est dans le futur : déclarez le changement une fois qu'il a eu lieu."
            ).format(field=field_label[:1].upper() + field_label[1:]),
        )
    if (today - when).days > max_age_days:
        raise RuleError(
            "date_too_old",
            _(
                "{field} remonte à plus de {years} ans : vérifiez l'année, ou contactez votre Caf "
                "pour un changement aussi ancien."
            ).format(field=field_label[:1].upper() + field_label[1:], years=max_age_days // 365),
        )


def parse_amount_euros(text: str, field_label: str, maximum: int) -> int:
    """An amount in euros typed as ``1234``, ``1 234,50`` or ``1234.50``: its cents."""
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    cleaned = cleaned.removesuffix("€").removesuffix("euros").rstrip()
    match = re.fullmatch(r"(\d{1,9})(?:[,.](\d{1,2}))?", cleaned)
    if match is None:
        raise RuleError(
            "amount_format",
            _("Saisissez {field} en euros, en chiffres (ex. : 1250 ou 1250,50).").format(
                field=field_label
            ),
        )
    cents = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if cents > maximum * 100:
        raise RuleError(
            "amount_too_large",
            _("{field} ne peut dépasser {maximum} euros : vérifiez le montant.").format(
                field=field_label[:1].upper() + field_label[1:], maximum=maximum
            ),
        )
    return cents


def parse_count(text: str, field_label: str, minimum: int, maximum: int) -> int:
    """A whole number between ``minimum`` and ``maximum``."""
    cleaned = text.strip()
    if not re.fullmatch(r"\d{1,3}", cleaned) or not minimum <= int(cleaned) <= maximum:
        raise RuleError(
            "count_range",
            _("Saisissez {field} : un nombre entier de {minimum} à {maximum}.").format(
                field=field_label, minimum=minimum, maximum=maximum
            ),
        )
    return int(cleaned)


def parse_yes_no(text: str, field_label: str) -> bool:
    cleaned = _plain_letters(text.strip()).casefold()
    if cleaned in ("oui", "o", "yes", "y", "true"):
        return True
    if cleaned in ("non", "n", "no", "false"):
        return False
    raise RuleError(
        "yes_no",
        _("Répondez « oui » ou « non » à la question : {field}.").format(field=field_label),
    )
