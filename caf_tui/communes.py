"""The communes the demo knows, by code postal (a small extract: the real portal asks the
national base of La Poste). The stub checks a declared address against it; so may the app."""

from __future__ import annotations

COMMUNES_BY_POSTAL_CODE: dict[str, tuple[str, ...]] = {
    "13001": ("Marseille",),
    "13100": ("Aix-en-Provence",),
    "31000": ("Toulouse",),
    "33000": ("Bordeaux",),
    "35000": ("Rennes",),
    "44000": ("Nantes",),
    "59000": ("Lille",),
    "67000": ("Strasbourg",),
    "69001": ("Lyon",),
    "69002": ("Lyon",),
    "69100": ("Villeurbanne",),
    "75001": ("Paris",),
    "75011": ("Paris",),
    "75018": ("Paris",),
    "75020": ("Paris",),
    "92100": ("Boulogne-Billancourt",),
    "93100": ("Montreuil",),
    "93200": ("Saint-Denis",),
    "93210": ("Saint-Denis",),
    "93300": ("Aubervilliers",),
    "93400": ("Saint-Ouen-sur-Seine",),
    "94200": ("Ivry-sur-Seine",),
    "95100": ("Argenteuil",),
    "97400": ("Saint-Denis",),
    "97490": ("Saint-Denis", "Sainte-Clotilde"),
}
