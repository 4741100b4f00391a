"""Demo content of the map and the agenda: a dozen events around the region, written by us.

Dates are days from the day the demo is first loaded (negative: already past), so a fresh
install always shows both upcoming events and an archive. Organisers are fictional.
"""

from __future__ import annotations

from dataclasses import dataclass

CARTE = {
    "slug": "carte",
    "title": "Carte des entreprises",
    "introduction": (
        "Où fabrique-t-on des montres, des yaourts ou des piles à hydrogène près de chez toi ? "
        "Filtre par filière, par métier ou par commune, puis ouvre une entreprise pour voir les "
        "métiers qu'on y exerce et ses prochains événements."
    ),
}
AGENDA = {
    "slug": "agenda",
    "title": "Agenda",
    "introduction": (
        "Forums, visites d'entreprise, salons, portes ouvertes et ateliers : les rendez-vous "
        "pour découvrir l'industrie en Bourgogne-Franche-Comté. Vous organisez un événement ? "
        "Proposez-le, notre équipe le relit avant de le publier."
    ),
}


@dataclass(frozen=True)
class EvenementDemo:
    slug: str
    titre: str
    type_evenement: str
    jour: int  # days from the first load
    heures: tuple[int, int]  # start and end hour, same day
    lieu: str
    commune: str
    publics: tuple[str, ...]
    filieres: tuple[str, ...]
    entreprises: tuple[str, ...]
    metiers: tuple[str, ...]
    organisateur: str
    description: str
    avec_un_jeu: bool = False


EVENEMENTS = (
    EvenementDemo(
        "forum-industrie-besancon",
        "Forum des métiers de l'industrie",
        "forum",
        12,
        (9, 17),
        "Parc des expositions Micropolis",
        "Besançon",
        ("collegiens", "lyceens", "parents"),
        ("microtechniques", "luxe"),
        ("Capteurs Comtois", "Atelier Vauban Joaillerie", "Tic-Tac Microméca"),
        ("horloger", "technicien-electronique"),
        "Association Industrie Jeunesse Comtoise",
        "Trente entreprises et leurs apprentis répondent aux questions. À 14 h, un quiz géant "
        "sur les microtechniques se joue sur les téléphones des visiteurs.",
        True,
    ),
    EvenementDemo(
        "visite-chromalu",
        "Visite d'une ligne de traitement de surface",
        "visite",
        19,
        (14, 16),
        "Chromalu, zone des Blanchisseries",
        "Montbéliard",
        ("lyceens", "enseignants"),
        ("vehicules-du-futur",),
        ("Chromalu",),
        ("technicien-traitement-surface",),
        "Chromalu",
        "Une classe par visite, équipée de lunettes et de chaussures prêtées sur place. On suit "
        "une pièce de sa sortie d'usinage à son contrôle final.",
    ),
    EvenementDemo(
        "portes-ouvertes-fruitiere",
        "Portes ouvertes à la fruitière",
        "portes_ouvertes",
        26,
        (10, 16),
        "Fruitière du Mont d'Or",
        "Mouthe",
        ("collegiens", "parents", "demandeurs-emploi"),
        ("agroalimentaire",),
        ("Fruitière du Mont d'Or",),
        ("conducteur-ligne-alimentaire", "technicien-laboratoire"),
        "Fruitière du Mont d'Or",
        "Du lait du matin aux meules en cave : l'équipe montre chaque poste et présente ses "
        "contrats d'apprentissage.",
    ),
    EvenementDemo(
        "salon-formation-dijon",
        "Salon de l'apprentissage industriel",
        "salon",
        33,
        (9, 18),
        "Palais des congrès",
        "Dijon",
        ("lyceens", "apprentis", "parents", "demandeurs-emploi"),
        ("energie", "agroalimentaire", "vehicules-du-futur"),
        ("Ventaïs Maintenance", "Graine de Moutarde"),
        ("technicien-eolien", "cariste"),
        "Réseau des centres de formation de Côte-d'Or",
        "Les centres de formation et les entreprises qui recrutent des apprentis, sur un même "
        "plateau. Entretiens sur place : venez avec un CV si vous en avez un.",
    ),
    EvenementDemo(
        "atelier-soudure-creusot",
        "Atelier « Essaie la soudure »",
        "atelier",
        40,
        (13, 17),
        "Chaudronnerie des Trois Croix",
        "Le Creusot",
        ("collegiens", "lyceens"),
        ("energie",),
        ("Chaudronnerie des Trois Croix",),
        ("soudeur", "chaudronnier"),
        "Chaudronnerie des Trois Croix",
        "Sur simulateur de soudage, sans étincelle : chacun réalise un cordon et reçoit sa note. "
        "Groupes de huit, inscription par l'établissement.",
    ),
    EvenementDemo(
        "visite-scierie-luxeuil",
        "Visite d'une scierie",
        "visite",
        47,
        (9, 12),
        "Scierie des Mille Étangs",
        "Luxeuil-les-Bains",
        ("collegiens", "enseignants"),
        ("bois",),
        ("Scierie des Mille Étangs",),
        ("menuisier", "charpentier"),
        "Scierie des Mille Étangs",
        "Du tronc à la planche, puis à la charpente : une matinée pour comprendre la filière bois.",
    ),
    EvenementDemo(
        "forum-nevers",
        "Forum emploi industrie de la Nièvre",
        "forum",
        55,
        (9, 13),
        "Maison de l'emploi",
        "Nevers",
        ("demandeurs-emploi", "apprentis"),
        ("energie", "vehicules-du-futur", "agroalimentaire"),
        ("Cellules du Nivernais", "Usinage Decizois", "Biscuits des Bords de Loire"),
        ("pilote-ligne-batteries", "operateur-usinage"),
        "Maison de l'emploi de la Nièvre",
        "Des offres d'emploi et d'apprentissage à pourvoir tout de suite, et des démonstrations "
        "de postes sur écran.",
    ),
    EvenementDemo(
        "portes-ouvertes-plastiques",
        "Portes ouvertes de la plasturgie",
        "portes_ouvertes",
        68,
        (14, 18),
        "Plastiques du Revermont",
        "Lons-le-Saunier",
        ("lyceens", "parents"),
        ("plasturgie",),
        ("Plastiques du Revermont",),
        ("plasturgiste", "regleur-plasturgie"),
        "Plastiques du Revermont",
        "Presses à injecter en marche, moules ouverts, et un jeu de piste dans l'atelier.",
        True,
    ),
    EvenementDemo(
        "salon-energie-belfort",
        "Salon de l'hydrogène et de l'énergie",
        "salon",
        82,
        (9, 18),
        "Atria",
        "Belfort",
        ("lyceens", "enseignants", "demandeurs-emploi"),
        ("energie", "vehicules-du-futur"),
        ("Turbinelec", "H2 Héricourt", "Hydrolune Mobilité"),
        ("ingenieur-conception",),
        "Pôle énergie du Nord Franche-Comté",
        "Piles à combustible, turbines, batteries : les entreprises du nord de la région "
        "présentent leurs projets et leurs métiers.",
    ),
    EvenementDemo(
        "forum-auxerre-passe",
        "Forum des métiers de l'Yonne",
        "forum",
        -45,
        (9, 16),
        "Salle Vaulabelle",
        "Auxerre",
        ("collegiens", "lyceens"),
        ("vehicules-du-futur", "agroalimentaire"),
        ("Mécaflux", "Entrepôts du Jovinien"),
        ("operateur-usinage", "cariste"),
        "Comité local école-entreprise de l'Yonne",
        "Vingt entreprises du département ont accueilli près de 900 élèves de troisième.",
    ),
    EvenementDemo(
        "atelier-horlogerie-passe",
        "Atelier de démontage d'une montre",
        "atelier",
        -20,
        (14, 17),
        "Horlogerie du Saut",
        "Villers-le-Lac",
        ("collegiens",),
        ("microtechniques", "luxe"),
        ("Horlogerie du Saut",),
        ("horloger",),
        "Horlogerie du Saut",
        "Chaque participant a démonté puis remonté un mouvement mécanique, à la loupe.",
    ),
    EvenementDemo(
        "visite-ebenisterie-passe",
        "Visite d'un atelier d'ébénisterie",
        "visite",
        -8,
        (10, 12),
        "Ébénisterie du Mâconnais",
        "Mâcon",
        ("lyceens", "apprentis"),
        ("bois", "luxe"),
        ("Ébénisterie du Mâconnais",),
        ("ebeniste",),
        "Ébénisterie du Mâconnais",
        "Marqueterie, vernis au tampon et machines à commande numérique, dans un atelier de "
        "douze personnes.",
    ),
)
