"""The demo content of the trade site, written by us for 13 to 17 year olds.

Plain data only: metiers.demo turns it into pages and snippets. ROME codes, RIASEC letters and
appellations are facts taken from the ROME 4.0 files (France Travail, Licence Ouverte); every
sentence is ours. Key figures are well-known orders of magnitude, each with its source named.
Companies and people are fictional; the towns and their coordinates are real.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# --- shapes of the data -----------------------------------------------------------------------


@dataclass(frozen=True)
class Groupe:
    titre: str
    elements: tuple[str, ...]


@dataclass(frozen=True)
class CentreInteretDemo:
    slug: str
    libelle: str
    description: str
    code_rome_ogr: str = ""  # the ROME centre d'intérêt it matches, when one does


@dataclass(frozen=True)
class FormationDemo:
    nom: str
    niveau: str
    apprentissage_possible: bool
    duree: str
    description: str


@dataclass(frozen=True)
class ChiffreCle:
    chiffre: str
    libelle: str
    source: str


@dataclass(frozen=True)
class FiliereDemo:
    slug: str
    titre: str
    accroche: str
    presentation: tuple[str, ...]  # paragraphs
    chiffres: tuple[ChiffreCle, ...]
    couleur: str
    motif: str  # the filière's emblem: a pictogram of metiers.pictogrammes


@dataclass(frozen=True)
class MetierDemo:
    slug: str
    titre_masculin: str
    titre_feminin: str
    code_rome: str
    riasec: str
    accroche: str
    description: str
    activites: tuple[str, ...]
    competences: tuple[Groupe, ...]
    savoirs: tuple[Groupe, ...]
    conditions: tuple[Groupe, ...]
    acces: tuple[str, ...]  # paragraphs
    formations: tuple[str, ...]  # keys of FORMATIONS
    salaire: tuple[int, int]  # € brut mensuel, débutant
    centres_interet: tuple[str, ...]  # slugs of CENTRES_INTERET
    filieres: tuple[str, ...]  # slugs of FILIERES, the first one gives the picture's colour
    proches: tuple[str, ...]  # slugs of other MetierDemo
    appellations: tuple[str, ...]  # ROME appellations (long labels)

    @property
    def titre(self) -> str:
        """Both forms, sharing their common end: « Technicien / Technicienne méthodes »."""
        masculin, feminin = self.titre_masculin.split(), self.titre_feminin.split()
        if masculin == feminin:
            return self.titre_masculin
        commun = 0
        while commun < min(len(masculin), len(feminin)) - 1 and (
            masculin[-1 - commun] == feminin[-1 - commun]
        ):
            commun += 1
        fin = masculin[len(masculin) - commun :]
        debut_m, debut_f = masculin[: len(masculin) - commun], feminin[: len(feminin) - commun]
        return " ".join([*debut_m, "/", *debut_f, *fin])


@dataclass(frozen=True)
class EntrepriseDemo:
    nom: str
    ville: str
    latitude: str
    longitude: str
    filieres: tuple[str, ...]


@dataclass(frozen=True)
class AmbassadeurDemo:
    prenom: str
    metier: str
    citation: str
    consentement_date: date | None  # None: no written consent, so never shown on the site


@dataclass(frozen=True)
class EtapeDemo:
    titre: str
    description: str
    metiers: tuple[str, ...]


@dataclass(frozen=True)
class ObjetDemo:
    slug: str
    titre: str
    accroche: str
    introduction: tuple[str, ...]
    filieres: tuple[str, ...]
    etapes: tuple[EtapeDemo, ...]


@dataclass(frozen=True)
class IndexDemo:
    slug: str
    titre: str
    introduction: str
    carte: str  # the text of its card on the home page


# --- index pages --------------------------------------------------------------------------------

INDEX_METIERS = IndexDemo(
    slug="metiers",
    titre="Les métiers",
    introduction=(
        "Des métiers où l'on fabrique, répare, invente et contrôle les objets de tous les jours. "
        "Filtre par filière ou par centre d'intérêt pour trouver ceux qui te ressemblent."
    ),
    carte="Soudeuse, horloger, pilote de ligne… Découvre ce qu'on y fait et comment y aller.",
)
INDEX_FILIERES = IndexDemo(
    slug="filieres",
    titre="Les filières",
    introduction=(
        "Une filière, c'est une famille d'entreprises et de métiers autour d'un même type de "
        "produits : les véhicules, l'énergie, le bois, l'alimentation…"
    ),
    carte="Sept familles de l'industrie, de la voiture électrique à la montre.",
)
INDEX_OBJETS = IndexDemo(
    slug="objets-de-a-a-z",
    titre="Les objets de A à Z",
    introduction=(
        "Suis un objet depuis la matière première jusqu'à son utilisateur, et rencontre à "
        "chaque étape les personnes qui le fabriquent."
    ),
    carte="Qui fabrique un phare de voiture ? Suis la chaîne, étape par étape.",
)
CARTES_TITRE = "Explore l'industrie"

# --- centres d'intérêt ------------------------------------------------------------------------

CENTRES_INTERET = (
    CentreInteretDemo(
        "fabriquer",
        "J'aime fabriquer de mes mains",
        "Tu aimes voir un objet prendre forme grâce à tes gestes et à tes outils.",
        code_rome_ogr="14",  # ROME : « J'aime le travail manuel »
    ),
    CentreInteretDemo(
        "comprendre",
        "J'aime comprendre comment ça marche",
        "Tu démontes, tu observes, tu cherches pourquoi une machine fonctionne ou tombe en panne.",
        code_rome_ogr="26",  # ROME : « Je suis attiré / attirée par l'envers du décor »
    ),
    CentreInteretDemo(
        "equipe",
        "J'aime travailler en équipe",
        "Tu préfères avancer à plusieurs, t'organiser avec les autres et t'entraider.",
    ),
    CentreInteretDemo(
        "precision",
        "J'aime la précision",
        "Le travail soigné te plaît : mesurer, vérifier, recommencer jusqu'à ce que ce soit juste.",
        code_rome_ogr="6",  # ROME : « J'ai le souci du détail »
    ),
    CentreInteretDemo(
        "matieres",
        "J'aime la nature et les matériaux",
        "Le bois, le cuir, le métal, les aliments : tu aimes toucher et transformer la matière.",
    ),
    CentreInteretDemo(
        "dessin-creation",
        "J'aime le dessin et la création",
        "Tu imagines des formes, tu dessines, sur papier ou sur ordinateur.",
        code_rome_ogr="7",  # ROME : « J'ai un bon coup de crayon »
    ),
    CentreInteretDemo(
        "machines",
        "J'aime les machines et la technologie",
        "Robots, écrans, commandes numériques : la technique moderne t'attire.",
        code_rome_ogr="29",  # ROME : « Je suis passionné / passionnée par les nouvelles technologies »
    ),
    CentreInteretDemo(
        "planete",
        "J'aime prendre soin de la planète",
        "Tu veux un métier utile pour l'énergie propre, le recyclage ou les économies de matière.",
        code_rome_ogr="20",  # ROME : « Je souhaite contribuer à la protection de l'environnement »
    ),
)

# --- formations ---------------------------------------------------------------------------------

CAP, BAC_PRO, BTS, BUT, LICENCE_PRO, INGENIEUR = (
    "cap",
    "bac_pro",
    "bts",
    "but",
    "licence_pro",
    "ingenieur",
)

FORMATIONS: dict[str, FormationDemo] = {
    "cap-chaudronnerie": FormationDemo(
        "CAP Réalisations industrielles en chaudronnerie ou soudage",
        CAP,
        True,
        "2 ans",
        "Apprendre à découper, former et souder des tôles et des tubes, d'après un plan.",
    ),
    "cap-ebeniste": FormationDemo(
        "CAP Ébéniste",
        CAP,
        True,
        "2 ans",
        "Fabriquer des meubles en bois massif ou plaqué, à la main et sur machines.",
    ),
    "cap-menuisier": FormationDemo(
        "CAP Menuisier fabricant",
        CAP,
        True,
        "2 ans",
        "Fabriquer en atelier des portes, fenêtres, escaliers et agencements en bois.",
    ),
    "cap-charpentier": FormationDemo(
        "CAP Charpentier bois",
        CAP,
        True,
        "2 ans",
        "Tracer, tailler et monter les charpentes et les maisons à ossature bois.",
    ),
    "cap-horlogerie": FormationDemo(
        "CAP Horlogerie",
        CAP,
        True,
        "2 ans",
        "Monter, régler et réparer des montres et des pendules, à la loupe.",
    ),
    "cap-maroquinerie": FormationDemo(
        "CAP Maroquinerie",
        CAP,
        True,
        "2 ans",
        "Couper, préparer, assembler et coudre le cuir pour faire sacs, ceintures et étuis.",
    ),
    "cap-bijouterie": FormationDemo(
        "CAP Art et techniques de la bijouterie-joaillerie",
        CAP,
        True,
        "2 ans",
        "Scier, limer, souder et polir les métaux précieux ; option bijouterie-joaillerie, "
        "sertissage ou polissage-finition.",
    ),
    "bac-chaudronnerie": FormationDemo(
        "Bac pro Technicien en chaudronnerie industrielle",
        BAC_PRO,
        True,
        "3 ans",
        "Lire les plans, programmer les machines de découpe et réaliser des ensembles en métal.",
    ),
    "bac-usinage": FormationDemo(
        "Bac pro Technicien en réalisation de produits mécaniques",
        BAC_PRO,
        True,
        "3 ans",
        "Préparer et conduire les machines-outils à commande numérique qui usinent les pièces.",
    ),
    "bac-maintenance": FormationDemo(
        "Bac pro Maintenance des systèmes de production connectés",
        BAC_PRO,
        True,
        "3 ans",
        "Entretenir et dépanner les machines et les lignes automatisées d'une usine.",
    ),
    "bac-pilote": FormationDemo(
        "Bac pro Pilote de ligne de production",
        BAC_PRO,
        True,
        "3 ans",
        "Conduire une ligne de fabrication automatisée, la régler et surveiller la qualité.",
    ),
    "bac-plastiques": FormationDemo(
        "Bac pro Plastiques et composites",
        BAC_PRO,
        True,
        "3 ans",
        "Préparer les presses et les moules, lancer la production de pièces en plastique.",
    ),
    "bac-vehicules": FormationDemo(
        "Bac pro Maintenance des véhicules",
        BAC_PRO,
        True,
        "3 ans",
        "Diagnostiquer, entretenir et réparer les voitures, y compris électriques et hybrides.",
    ),
    "bts-cprp": FormationDemo(
        "BTS Conception des processus de réalisation de produits",
        BTS,
        True,
        "2 ans",
        "Choisir comment fabriquer une pièce : machines, outils, étapes, temps et coûts.",
    ),
    "bts-maintenance": FormationDemo(
        "BTS Maintenance des systèmes",
        BTS,
        True,
        "2 ans",
        "Organiser et réaliser la maintenance ; une option forme aux systèmes éoliens.",
    ),
    "bts-europlastics": FormationDemo(
        "BTS Europlastics et composites",
        BTS,
        True,
        "2 ans",
        "Concevoir les pièces et les moules, et mettre au point les procédés de la plasturgie.",
    ),
    "but-gmp": FormationDemo(
        "BUT Génie mécanique et productique",
        BUT,
        True,
        "3 ans",
        "Concevoir des produits mécaniques et organiser leur fabrication, à l'IUT.",
    ),
    "but-geii": FormationDemo(
        "BUT Génie électrique et informatique industrielle",
        BUT,
        True,
        "3 ans",
        "Électronique, automatismes, énergie et informatique embarquée, à l'IUT.",
    ),
    "but-chimie": FormationDemo(
        "BUT Chimie",
        BUT,
        True,
        "3 ans",
        "Analyses, synthèses et contrôle des matériaux en laboratoire, à l'IUT.",
    ),
    "but-qlio": FormationDemo(
        "BUT Qualité, logistique industrielle et organisation",
        BUT,
        True,
        "3 ans",
        "Mesurer la qualité, organiser les flux et améliorer le travail dans l'usine.",
    ),
    "licence-pro": FormationDemo(
        "Licence pro Métiers de l'industrie",
        LICENCE_PRO,
        True,
        "1 an après un bac + 2",
        "Se spécialiser après un BTS ou deux ans de BUT : conception, production ou qualité.",
    ),
    "ingenieur": FormationDemo(
        "Diplôme d'ingénieur",
        INGENIEUR,
        True,
        "5 ans après le bac",
        "En école d'ingénieurs, juste après le bac ou après une classe préparatoire, un BTS ou "
        "un BUT ; beaucoup d'écoles proposent l'apprentissage.",
    ),
}

# --- filières -----------------------------------------------------------------------------------

ORDRE_DE_GRANDEUR = "ordre de grandeur"

FILIERES = (
    FiliereDemo(
        slug="vehicules-du-futur",
        titre="Véhicules du futur",
        accroche=(
            "Voitures électriques, à hydrogène, connectées : les véhicules changent, et il faut "
            "des milliers de personnes pour les inventer et les fabriquer."
        ),
        presentation=(
            "Une voiture, c'est des milliers de pièces en métal, en plastique et en électronique, "
            "fabriquées par des entreprises différentes puis assemblées dans une usine.",
            "Avec les batteries, l'hydrogène et les logiciels embarqués, les métiers évoluent : "
            "on a besoin de soudeurs comme de techniciens en électronique.",
        ),
        chiffres=(
            ChiffreCle(
                "Environ 30 000",
                "pièces dans une voiture, de la plus petite vis au siège",
                f"Constructeurs automobiles, {ORDRE_DE_GRANDEUR}",
            ),
            ChiffreCle(
                "Plus de 100 000",
                "salariés chez les constructeurs et leurs équipementiers en France",
                f"Plateforme automobile (PFA), {ORDRE_DE_GRANDEUR}",
            ),
            ChiffreCle(
                "Environ 1 sur 6",
                "voitures neuves vendues en France en 2024 étaient 100 % électriques",
                f"Plateforme automobile (PFA), 2024, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#1f5fa8",
        motif="car-front",
    ),
    FiliereDemo(
        slug="microtechniques",
        titre="Microtechniques",
        accroche=(
            "Des pièces plus petites qu'un grain de riz, fabriquées au millième de millimètre : "
            "bienvenue dans le monde de la précision."
        ),
        presentation=(
            "Les microtechniques fabriquent de toutes petites pièces très précises : mouvements "
            "de montres, capteurs, implants médicaux, connecteurs électroniques.",
            "Dans l'Arc jurassien, autour de Besançon, cette tradition vient de l'horlogerie ; "
            "aujourd'hui elle sert aussi la santé, l'aéronautique et l'automobile.",
        ),
        chiffres=(
            ChiffreCle(
                "1 micromètre",
                "soit un millième de millimètre : la précision visée pour certaines pièces",
                "Système international d'unités",
            ),
            ChiffreCle(
                "50 à 100 micromètres",
                "l'épaisseur d'un cheveu, pour comparer",
                ORDRE_DE_GRANDEUR.capitalize(),
            ),
            ChiffreCle(
                "Plus de 100",
                "petites pièces dans le mouvement d'une montre mécanique",
                f"Horlogerie, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#6b4fa0",
        motif="cog",
    ),
    FiliereDemo(
        slug="plasturgie",
        titre="Plasturgie",
        accroche=(
            "Des petits granulés qui fondent et deviennent pare-chocs, phares, jouets ou "
            "seringues : c'est la plasturgie."
        ),
        presentation=(
            "La plasturgie transforme les matières plastiques et les composites : on les chauffe, "
            "on les injecte dans des moules, on les étire ou on les souffle.",
            "Le défi d'aujourd'hui : utiliser moins de matière, recycler davantage et inventer "
            "des plastiques d'origine végétale. La « Plastics Vallée », à cheval sur le Jura et "
            "l'Ain, en est un grand centre.",
        ),
        chiffres=(
            ChiffreCle(
                "Plus de 100 000",
                "salariés dans les entreprises de la plasturgie en France",
                f"Polyvia, branche de la plasturgie, {ORDRE_DE_GRANDEUR}",
            ),
            ChiffreCle(
                "Environ 3 000",
                "entreprises de plasturgie en France, surtout des PME",
                f"Polyvia, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#c2410c",
        motif="droplet",
    ),
    FiliereDemo(
        slug="agroalimentaire",
        titre="Agroalimentaire",
        accroche=(
            "Le fromage, les yaourts, le pain de mie ou les compotes sortent d'usines où la "
            "qualité et l'hygiène passent avant tout."
        ),
        presentation=(
            "L'industrie agroalimentaire transforme ce que produisent les agriculteurs et les "
            "éleveurs en aliments prêts à être vendus et consommés.",
            "On y conduit des lignes automatisées, on contrôle la qualité au laboratoire et on "
            "veille à une hygiène irréprochable.",
        ),
        chiffres=(
            ChiffreCle(
                "1er",
                "employeur industriel de France",
                "ANIA (Association nationale des industries alimentaires)",
            ),
            ChiffreCle(
                "Plus de 400 000",
                "salariés dans les entreprises alimentaires en France",
                f"ANIA, {ORDRE_DE_GRANDEUR}",
            ),
            ChiffreCle(
                "Plus de 15 000",
                "entreprises, de la petite fromagerie à la grande usine",
                f"ANIA, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#2f7d32",
        motif="wheat",
    ),
    FiliereDemo(
        slug="energie",
        titre="Énergie",
        accroche=(
            "Produire l'électricité, la stocker, la faire arriver jusqu'à ta prise : des "
            "métiers au cœur de la transition énergétique."
        ),
        presentation=(
            "La filière de l'énergie construit et entretient les centrales, les éoliennes, les "
            "panneaux solaires, les réseaux, et maintenant les batteries et l'hydrogène.",
            "Ces installations doivent fonctionner jour et nuit, en toute sécurité : on y a "
            "besoin de techniciens, de soudeurs, de chaudronniers et d'ingénieurs.",
        ),
        chiffres=(
            ChiffreCle(
                "Environ 2 sur 3",
                "kilowattheures d'électricité produits en France viennent du nucléaire",
                f"RTE, bilan électrique annuel, {ORDRE_DE_GRANDEUR}",
            ),
            ChiffreCle(
                "Plus de 100 m",
                "de haut pour une éolienne terrestre récente, pales comprises",
                f"Parcs éoliens en France, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#b45309",
        motif="zap",
    ),
    FiliereDemo(
        slug="bois",
        titre="Bois",
        accroche=(
            "De l'arbre au meuble, du tronc à la charpente : un matériau vivant qui stocke du "
            "carbone et se travaille avec les mains comme avec des robots."
        ),
        presentation=(
            "La filière bois va de la forêt à la scierie, puis aux ateliers qui fabriquent "
            "charpentes, maisons, fenêtres, escaliers et meubles.",
            "Le bois revient en force dans la construction, parce qu'il est renouvelable et qu'il "
            "garde le carbone stocké par l'arbre.",
        ),
        chiffres=(
            ChiffreCle(
                "Environ 1/3",
                "du territoire de la France métropolitaine est couvert de forêts",
                "IGN, inventaire forestier national",
            ),
            ChiffreCle(
                "Environ 1 tonne",
                "de CO₂ stockée dans 1 m³ de bois",
                f"Filière forêt-bois, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#7a4b26",
        motif="trees",
    ),
    FiliereDemo(
        slug="luxe",
        titre="Luxe et métiers d'art",
        accroche=(
            "Sacs en cuir, montres, bijoux, meubles d'exception : des objets faits pour durer, "
            "par des mains très expertes."
        ),
        presentation=(
            "Les métiers d'art et du luxe fabriquent des objets rares, souvent en petites "
            "séries, avec des gestes qui demandent des années de pratique.",
            "Les grandes maisons comme les petits ateliers cherchent des jeunes formés : la "
            "plupart des formations se font en apprentissage, aux côtés d'un expert.",
        ),
        chiffres=(
            ChiffreCle(
                "Plus de 200",
                "métiers reconnus dans la liste officielle des métiers d'art",
                "Liste des métiers d'art, arrêté de 2015",
            ),
            ChiffreCle(
                "Plus de 1 000",
                "entreprises labellisées « Entreprise du patrimoine vivant » pour un savoir-faire rare",
                f"Label d'État EPV, {ORDRE_DE_GRANDEUR}",
            ),
        ),
        couleur="#8a1c4a",
        motif="gem",
    ),
)

FORMATIONS["bts-cpi"] = FormationDemo(
    "BTS Conception des produits industriels",
    BTS,
    True,
    "2 ans",
    "Dessiner en 3D des produits mécaniques, calculer leur résistance et préparer leurs plans.",
)
FORMATIONS["cap-logistique"] = FormationDemo(
    "CAP Opérateur/Opératrice logistique",
    CAP,
    True,
    "2 ans",
    "Recevoir, ranger et préparer les marchandises, et conduire les chariots en sécurité.",
)

# --- working conditions shared by many fiches --------------------------------------------------

ATELIER_EN_EQUIPES = (
    "En atelier ou en usine, souvent en équipes qui se relaient (matin, après-midi, parfois nuit)."
)
JOURNEE = "Horaires de journée, du lundi au vendredi la plupart du temps."
EPI = "Équipements de protection obligatoires : chaussures de sécurité, lunettes, gants."


def horaires(*elements: str) -> Groupe:
    return Groupe("Horaires", elements)


def lieux(*elements: str) -> Groupe:
    return Groupe("Lieux", elements)


def risques(*elements: str) -> Groupe:
    return Groupe("Risques et protections", elements)


# --- fiches métiers -----------------------------------------------------------------------------

METIERS = (
    MetierDemo(
        slug="chaudronnier",
        titre_masculin="Chaudronnier",
        titre_feminin="Chaudronnière",
        code_rome="H2902",
        riasec="RC",
        accroche=(
            "Tu transformes des plaques de métal plates en cuves, en carrosseries ou en pièces "
            "de centrale : le métal prend la forme que tu lui donnes."
        ),
        description=(
            "La chaudronnière et le chaudronnier fabriquent des objets en métal à partir de tôles "
            "et de tubes : réservoirs, structures, conduites. Ils lisent un plan, découpent, "
            "plient, roulent puis assemblent les pièces, souvent en les soudant."
        ),
        activites=(
            "Lire le plan et tracer les formes à découper sur la tôle",
            "Découper le métal avec une cisaille, un laser ou un jet de plasma",
            "Plier et rouler les tôles pour leur donner du volume",
            "Assembler les pièces par soudage, rivetage ou boulonnage",
            "Vérifier les dimensions avec un mètre, un réglet ou un pied à coulisse",
        ),
        competences=(
            Groupe("Préparer", ("Lire un plan en 2D et en 3D", "Tracer et calculer un développé")),
            Groupe(
                "Fabriquer",
                (
                    "Régler une plieuse ou une rouleuse",
                    "Souder et assembler",
                    "Contrôler une pièce",
                ),
            ),
        ),
        savoirs=(
            Groupe(
                "Matériaux", ("Aciers, inox, aluminium", "Comportement du métal quand on le plie")
            ),
            Groupe("Outils", ("Machines à commande numérique", "Postes de soudage")),
        ),
        conditions=(
            horaires(JOURNEE, "Parfois en équipes dans les grandes usines."),
            lieux("En atelier, parfois sur un chantier pour monter les pièces."),
            risques("Bruit, charges lourdes, étincelles", EPI),
        ),
        acces=(
            "On commence souvent avec un CAP ou un bac pro, très souvent en apprentissage.",
            "Avec de l'expérience ou un BTS, on devient chef d'équipe ou technicien en bureau des méthodes.",
        ),
        formations=("cap-chaudronnerie", "bac-chaudronnerie"),
        salaire=(1900, 2300),
        centres_interet=("fabriquer", "precision"),
        filieres=("energie", "vehicules-du-futur"),
        proches=("soudeur", "operateur-usinage", "dessinateur-projeteur"),
        appellations=(
            "Chaudronnier / Chaudronnière",
            "Tôlier / Tôlière",
            "Chaudronnier soudeur / Chaudronnière soudeuse",
        ),
    ),
    MetierDemo(
        slug="soudeur",
        titre_masculin="Soudeur",
        titre_feminin="Soudeuse",
        code_rome="H2913",
        riasec="R",
        accroche=(
            "Derrière ton masque, tu fais fondre le métal pour réunir deux pièces à jamais. "
            "Une bonne soudure, c'est solide, régulier… et ça se voit."
        ),
        description=(
            "La soudeuse et le soudeur assemblent des pièces de métal en les chauffant jusqu'à "
            "les faire fondre ensemble. Leur travail tient les ponts, les bateaux, les éoliennes "
            "et les châssis de voitures : il doit être parfait."
        ),
        activites=(
            "Préparer et nettoyer les bords des pièces à assembler",
            "Choisir le procédé de soudage et régler le poste",
            "Souder à la main ou surveiller un robot de soudage",
            "Meuler et contrôler la soudure à l'œil et avec des outils",
        ),
        competences=(
            Groupe(
                "Souder",
                (
                    "Maîtriser un ou plusieurs procédés (TIG, MIG-MAG, arc)",
                    "Garder un geste régulier",
                ),
            ),
            Groupe("Vérifier", ("Repérer un défaut de soudure", "Respecter un mode opératoire")),
        ),
        savoirs=(
            Groupe("Matériaux", ("Aciers, inox, aluminium et leur façon de fondre",)),
            Groupe("Sécurité", ("Gaz, électricité, fumées : les règles à respecter",)),
        ),
        conditions=(
            horaires(JOURNEE, "En équipes dans certaines usines."),
            lieux("En atelier, ou sur chantier : navires, centrales, canalisations."),
            risques(
                "Chaleur, fumées, lumière très forte de l'arc",
                "Masque, gants et vêtements ignifugés obligatoires.",
            ),
        ),
        acces=(
            "Le CAP ou le bac pro suffit pour commencer ; des qualifications de soudage, passées "
            "ensuite, prouvent que tu maîtrises un procédé.",
        ),
        formations=("cap-chaudronnerie", "bac-chaudronnerie"),
        salaire=(1900, 2400),
        centres_interet=("fabriquer", "precision"),
        filieres=("energie", "vehicules-du-futur"),
        proches=("chaudronnier", "operateur-usinage"),
        appellations=(
            "Soudeur / Soudeuse",
            "Soudeur / Soudeuse à l'arc électrique",
            "Braseur / Braseuse",
        ),
    ),
    MetierDemo(
        slug="operateur-usinage",
        titre_masculin="Opérateur régleur en usinage",
        titre_feminin="Opératrice régleuse en usinage",
        code_rome="H2903",
        riasec="RC",
        accroche=(
            "Tu règles une machine à commande numérique qui taille le métal au centième de "
            "millimètre : une pièce brute entre, une pièce parfaite sort."
        ),
        description=(
            "L'opératrice régleuse et l'opérateur régleur en usinage préparent et conduisent des "
            "machines-outils (tours, fraiseuses, centres d'usinage) qui enlèvent de la matière "
            "pour obtenir une pièce précise. Ils installent les outils, lancent le programme et "
            "vérifient les cotes."
        ),
        activites=(
            "Monter les outils de coupe et fixer la pièce brute dans la machine",
            "Charger le programme et le tester pas à pas",
            "Lancer la série et surveiller la coupe",
            "Mesurer les pièces et corriger les réglages si besoin",
            "Entretenir la machine et son poste de travail",
        ),
        competences=(
            Groupe("Régler", ("Choisir et monter les outils", "Corriger un programme simple")),
            Groupe(
                "Contrôler",
                ("Utiliser un micromètre et un pied à coulisse", "Remplir une fiche de suivi"),
            ),
        ),
        savoirs=(
            Groupe(
                "Technique", ("Lecture de plan et tolérances", "Bases de la commande numérique")
            ),
            Groupe("Matériaux", ("Métaux et plastiques techniques, vitesses de coupe",)),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Atelier de mécanique ou de décolletage, propre et éclairé."),
            risques("Copeaux coupants, bruit, huiles de coupe", EPI),
        ),
        acces=(
            "Le bac pro est la voie la plus courante, souvent en alternance. Avec un BTS, on "
            "peut programmer les machines ou préparer les méthodes.",
        ),
        formations=("bac-usinage", "bts-cprp"),
        salaire=(1900, 2300),
        centres_interet=("machines", "precision"),
        filieres=("microtechniques", "vehicules-du-futur"),
        proches=("technicien-methodes", "dessinateur-projeteur", "chaudronnier"),
        appellations=(
            "Opérateur régleur / Opératrice régleuse usinage",
            "Fraiseur / Fraiseuse",
            "Décolleteur / Décolleteuse",
        ),
    ),
    MetierDemo(
        slug="technicien-maintenance",
        titre_masculin="Technicien de maintenance industrielle",
        titre_feminin="Technicienne de maintenance industrielle",
        code_rome="I1304",
        riasec="RC",
        accroche=(
            "Une machine tombe en panne, toute l'usine s'arrête… sauf toi. Tu enquêtes, tu "
            "trouves la cause et tu relances la production."
        ),
        description=(
            "La technicienne et le technicien de maintenance gardent les machines en bon état. "
            "Ils les entretiennent avant qu'elles ne cassent, et les réparent quand une panne "
            "arrive, en mécanique comme en électricité ou en automatisme."
        ),
        activites=(
            "Faire les visites d'entretien prévues : graissage, changement de pièces d'usure",
            "Chercher l'origine d'une panne avec des appareils de mesure",
            "Réparer ou remplacer un moteur, un capteur, un vérin",
            "Noter chaque intervention dans le logiciel de maintenance",
            "Proposer des améliorations pour éviter que la panne revienne",
        ),
        competences=(
            Groupe(
                "Diagnostiquer",
                ("Lire un schéma électrique ou hydraulique", "Raisonner par étapes"),
            ),
            Groupe(
                "Intervenir",
                (
                    "Démonter et remonter un ensemble mécanique",
                    "Travailler en sécurité sur une machine consignée",
                ),
            ),
        ),
        savoirs=(
            Groupe("Technique", ("Mécanique, électricité, automatismes", "Capteurs et moteurs")),
            Groupe("Sécurité", ("Habilitation électrique", "Consignation des machines")),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES, "Astreintes possibles le week-end."),
            lieux("Dans toute l'usine, au plus près des machines."),
            risques("Électricité, pièces en mouvement", EPI),
        ),
        acces=(
            "Un bac pro permet de commencer ; le BTS est très demandé pour devenir technicien. "
            "Ce métier recrute beaucoup, dans toutes les filières.",
        ),
        formations=("bac-maintenance", "bts-maintenance"),
        salaire=(2000, 2500),
        centres_interet=("comprendre", "machines"),
        filieres=("energie", "agroalimentaire"),
        proches=("technicien-eolien", "mecatronicien-automobile", "conducteur-ligne-alimentaire"),
        appellations=(
            "Technicien / Technicienne de maintenance industrielle",
            "Agent / Agente de maintenance industrielle",
            "Technicien / Technicienne de maintenance process",
        ),
    ),
    MetierDemo(
        slug="technicien-eolien",
        titre_masculin="Technicien de maintenance d'éoliennes",
        titre_feminin="Technicienne de maintenance d'éoliennes",
        code_rome="I1321",
        riasec="R",
        accroche=(
            "Ton bureau est à 100 mètres de haut, avec vue sur la campagne ou sur la mer. Tu "
            "gardes les éoliennes en forme pour produire une électricité propre."
        ),
        description=(
            "La technicienne et le technicien éolien contrôlent, entretiennent et réparent les "
            "éoliennes. Ils grimpent dans le mât jusqu'à la nacelle pour vérifier la mécanique, "
            "l'électricité et l'électronique de la machine."
        ),
        activites=(
            "Monter dans l'éolienne, en binôme, avec un équipement antichute",
            "Faire l'entretien prévu : serrages, graissage, filtres",
            "Chercher la cause d'un arrêt à l'aide de l'ordinateur de l'éolienne",
            "Remplacer un composant électrique ou mécanique",
            "Rédiger le compte rendu de la visite",
        ),
        competences=(
            Groupe(
                "Intervenir",
                ("Travailler en hauteur en sécurité", "Réparer en mécanique et en électricité"),
            ),
            Groupe("Communiquer", ("Travailler en binôme", "Rendre compte au centre de contrôle")),
        ),
        savoirs=(
            Groupe(
                "Technique", ("Électrotechnique", "Hydraulique", "Fonctionnement d'une éolienne")
            ),
            Groupe("Sécurité", ("Travail en hauteur", "Secourisme et évacuation")),
        ),
        conditions=(
            horaires(JOURNEE, "Astreintes et déplacements fréquents."),
            lieux("Sur les parcs éoliens, à terre ou en mer."),
            risques(
                "Hauteur, météo, électricité", "Harnais, casque et formation sécurité obligatoires."
            ),
        ),
        acces=(
            "Le BTS Maintenance des systèmes a une option pour les éoliennes. Un bac pro de "
            "maintenance, complété par une formation spécialisée, permet aussi d'y arriver. "
            "Il faut être en bonne forme physique et ne pas avoir le vertige.",
        ),
        formations=("bts-maintenance", "bac-maintenance"),
        salaire=(2100, 2600),
        centres_interet=("machines", "planete", "equipe"),
        filieres=("energie",),
        proches=("technicien-maintenance", "pilote-ligne-batteries"),
        appellations=(
            "Technicien / Technicienne de maintenance d'éoliennes",
            "Technicien / Technicienne de parc éolien",
            "Technicien / Technicienne en éoliennes offshore",
        ),
    ),
    MetierDemo(
        slug="pilote-ligne-batteries",
        titre_masculin="Pilote de ligne de batteries",
        titre_feminin="Pilote de ligne de batteries",
        code_rome="H2705",
        riasec="R",
        accroche=(
            "Dans une usine toute neuve, tu pilotes la ligne automatisée qui fabrique les "
            "cellules des batteries de voitures électriques."
        ),
        description=(
            "La ou le pilote de ligne surveille et règle une chaîne de machines automatiques qui "
            "fabrique les éléments d'une batterie. Dans des salles très propres et très sèches, "
            "il faut suivre les paramètres et réagir vite au moindre écart."
        ),
        activites=(
            "Démarrer la ligne et vérifier les réglages en début de poste",
            "Surveiller les écrans de contrôle et la qualité des cellules",
            "Approvisionner les machines en matières",
            "Faire les petits dépannages et appeler la maintenance si besoin",
            "Transmettre les informations à l'équipe suivante",
        ),
        competences=(
            Groupe("Piloter", ("Suivre des paramètres sur écran", "Réagir à une alarme")),
            Groupe(
                "Travailler en équipe",
                ("Passer les consignes", "Appliquer les règles de salle propre"),
            ),
        ),
        savoirs=(
            Groupe("Technique", ("Automatismes", "Bases de la chimie des batteries")),
            Groupe(
                "Qualité et sécurité",
                ("Hygiène de salle propre", "Risques électriques et chimiques"),
            ),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Usine de batteries, en salle propre à atmosphère très sèche."),
            risques("Produits chimiques, électricité", "Tenue spéciale, gants et lunettes."),
        ),
        acces=(
            "Le bac pro Pilote de ligne de production est la voie directe. Les nouvelles usines "
            "de batteries forment aussi leurs équipes à l'embauche.",
        ),
        formations=("bac-pilote",),
        salaire=(1950, 2400),
        centres_interet=("machines", "equipe", "planete"),
        filieres=("vehicules-du-futur", "energie"),
        proches=("conducteur-ligne-alimentaire", "technicien-maintenance", "plasturgiste"),
        appellations=(
            "Pilote de ligne de production de composants et de cellules pour batteries de véhicules électriques",
        ),
    ),
    MetierDemo(
        slug="conducteur-ligne-alimentaire",
        titre_masculin="Conducteur de ligne en agroalimentaire",
        titre_feminin="Conductrice de ligne en agroalimentaire",
        code_rome="H2102",
        riasec="RC",
        accroche=(
            "Des milliers de yaourts, de biscuits ou de plats passent chaque heure sur ta ligne : "
            "tu veilles à ce qu'ils soient tous bons et sûrs."
        ),
        description=(
            "La conductrice et le conducteur de ligne font fonctionner un ensemble de machines "
            "qui fabriquent et emballent des aliments. Ils règlent la ligne, surveillent la "
            "qualité et appliquent des règles d'hygiène très strictes."
        ),
        activites=(
            "Préparer la ligne et vérifier qu'elle est propre avant de démarrer",
            "Régler les machines : températures, vitesses, dosages",
            "Faire des prélèvements pour contrôler le poids, le goût, l'aspect",
            "Changer de recette ou de format d'emballage",
            "Nettoyer et désinfecter la ligne en fin de production",
        ),
        competences=(
            Groupe(
                "Conduire", ("Régler des machines automatiques", "Repérer un produit non conforme")
            ),
            Groupe("Hygiène", ("Appliquer un protocole de nettoyage", "Noter les contrôles")),
        ),
        savoirs=(
            Groupe("Produits", ("Matières premières et recettes", "Conservation des aliments")),
            Groupe("Règles", ("Hygiène alimentaire", "Traçabilité des lots")),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Usine alimentaire, parfois en pièce froide."),
            risques(
                "Froid ou chaleur, bruit, gestes répétés",
                "Blouse, charlotte et chaussures de sécurité.",
            ),
        ),
        acces=(
            "Le bac pro Pilote de ligne de production est la voie la plus courante. Beaucoup "
            "d'entreprises forment aussi en interne des personnes motivées.",
        ),
        formations=("bac-pilote",),
        salaire=(1850, 2200),
        centres_interet=("machines", "equipe"),
        filieres=("agroalimentaire",),
        proches=("pilote-ligne-batteries", "technicien-maintenance", "controleur-qualite"),
        appellations=(
            "Conducteur / Conductrice de ligne de production ou fabrication en industrie alimentaire",
            "Conducteur / Conductrice de ligne en industrie laitière",
            "Conducteur / Conductrice de four en industrie alimentaire",
        ),
    ),
    MetierDemo(
        slug="plasturgiste",
        titre_masculin="Plasturgiste",
        titre_feminin="Plasturgiste",
        code_rome="H3201",
        riasec="RC",
        accroche=(
            "Avec une presse et un moule, tu changes des granulés de plastique en pièces de "
            "voiture, en jouets ou en matériel médical."
        ),
        description=(
            "La ou le plasturgiste conduit les machines qui transforment la matière plastique : "
            "presses à injecter, extrudeuses, souffleuses. Il surveille la production, contrôle "
            "les pièces et trie les chutes pour qu'elles soient recyclées."
        ),
        activites=(
            "Préparer la matière : sécher et doser les granulés et les colorants",
            "Lancer la machine et surveiller le cycle de fabrication",
            "Retirer les pièces, les ébavurer et les contrôler",
            "Emballer et étiqueter les pièces bonnes",
            "Séparer les rebuts pour les broyer et les réutiliser",
        ),
        competences=(
            Groupe(
                "Produire",
                ("Conduire une presse ou une extrudeuse", "Reconnaître un défaut sur une pièce"),
            ),
            Groupe("Organiser", ("Tenir la cadence", "Noter la production et les arrêts")),
        ),
        savoirs=(
            Groupe(
                "Matériaux",
                ("Familles de plastiques et composites", "Effet de la chaleur sur la matière"),
            ),
            Groupe("Procédés", ("Injection, extrusion, soufflage", "Recyclage des chutes")),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Atelier de production, près des presses."),
            risques("Chaleur des moules, bruit", EPI),
        ),
        acces=(
            "Le bac pro Plastiques et composites forme directement à ce métier ; avec le BTS, "
            "on peut passer au réglage et à la mise au point des moules.",
        ),
        formations=("bac-plastiques", "bts-europlastics"),
        salaire=(1850, 2200),
        centres_interet=("machines", "matieres"),
        filieres=("plasturgie",),
        proches=("regleur-plasturgie", "controleur-qualite", "pilote-ligne-batteries"),
        appellations=(
            "Plasturgiste",
            "Extrudeur / Extrudeuse en caoutchouc et matières plastiques",
            "Formeur / Formeuse en thermoplastiques",
        ),
    ),
    MetierDemo(
        slug="regleur-plasturgie",
        titre_masculin="Régleur en plasturgie",
        titre_feminin="Régleuse en plasturgie",
        code_rome="H3202",
        riasec="RC",
        accroche=(
            "Tu installes des moules de plusieurs tonnes et tu trouves les bons réglages pour "
            "que chaque pièce en plastique sorte parfaite."
        ),
        description=(
            "La régleuse et le régleur en plasturgie montent les moules sur les presses et "
            "cherchent les bons paramètres : température, pression, vitesse, temps de "
            "refroidissement. Ils démarrent la production et aident à résoudre les problèmes."
        ),
        activites=(
            "Monter le moule sur la presse avec un pont roulant",
            "Brancher l'eau, l'air et l'électricité du moule",
            "Régler les paramètres et produire les premières pièces",
            "Corriger les défauts : bulles, retassures, bavures",
            "Former les conducteurs de presse au démarrage",
        ),
        competences=(
            Groupe("Régler", ("Trouver le bon réglage par essais", "Analyser un défaut de pièce")),
            Groupe(
                "Sécurité", ("Manipuler des charges lourdes", "Appliquer les consignes de levage")
            ),
        ),
        savoirs=(
            Groupe("Procédés", ("Injection des plastiques", "Fonctionnement d'un moule")),
            Groupe("Matériaux", ("Propriétés des polymères", "Réglages selon la matière")),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Atelier de presses, souvent dans des PME."),
            risques("Charges lourdes, chaleur, pression", EPI),
        ),
        acces=(
            "On y arrive avec un bac pro et de l'expérience comme plasturgiste, ou directement "
            "avec le BTS Europlastics et composites.",
        ),
        formations=("bac-plastiques", "bts-europlastics"),
        salaire=(2000, 2400),
        centres_interet=("machines", "comprendre"),
        filieres=("plasturgie", "vehicules-du-futur"),
        proches=("plasturgiste", "technicien-methodes", "technicien-maintenance"),
        appellations=(
            "Monteur-régleur / Monteuse-régleuse en injection",
            "Régleur / Régleuse de presse à injecter",
            "Régleur / Régleuse en extrusion",
        ),
    ),
    MetierDemo(
        slug="technicien-electronique",
        titre_masculin="Technicien en électronique",
        titre_feminin="Technicienne en électronique",
        code_rome="H1209",
        riasec="RI",
        accroche=(
            "Les cartes électroniques sont le cerveau des voitures, des montres connectées et "
            "des phares à LED : tu les mets au point et tu les testes."
        ),
        description=(
            "La technicienne et le technicien en électronique participent à la création de "
            "cartes et de systèmes électroniques. Ils montent des prototypes, font des mesures, "
            "cherchent les défauts et préparent le passage à la fabrication en série."
        ),
        activites=(
            "Monter un prototype de carte électronique",
            "Mesurer des signaux avec un oscilloscope et un multimètre",
            "Écrire ou modifier un petit programme de test",
            "Trouver et corriger un défaut de fonctionnement",
            "Rédiger la documentation pour la production",
        ),
        competences=(
            Groupe(
                "Tester",
                ("Utiliser les appareils de mesure", "Suivre une méthode de recherche de panne"),
            ),
            Groupe(
                "Concevoir", ("Lire et modifier un schéma", "Souder des composants très petits")
            ),
        ),
        savoirs=(
            Groupe("Électronique", ("Composants, capteurs, LED", "Électronique de puissance")),
            Groupe("Informatique", ("Programmation de microcontrôleurs",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Laboratoire ou bureau d'études, parfois atelier de production."),
            risques("Peu de risques physiques", "Précautions contre l'électricité statique."),
        ),
        acces=(
            "Le BUT Génie électrique et informatique industrielle est une bonne voie ; des BTS "
            "d'électronique y mènent aussi. On peut continuer vers un diplôme d'ingénieur.",
        ),
        formations=("but-geii",),
        salaire=(2000, 2500),
        centres_interet=("comprendre", "machines", "precision"),
        filieres=("microtechniques", "vehicules-du-futur"),
        proches=("technicien-maintenance", "ingenieur-conception", "dessinateur-projeteur"),
        appellations=(
            "Technicien / Technicienne en électronique études et développement",
            "Technicien électronicien / Technicienne électronicienne de développement",
        ),
    ),
    MetierDemo(
        slug="horloger",
        titre_masculin="Horloger",
        titre_feminin="Horlogère",
        code_rome="B1604",
        riasec="RI",
        accroche=(
            "Loupe vissée à l'œil, brucelles à la main, tu assembles et tu règles des "
            "mécanismes minuscules qui battent pendant des années."
        ),
        description=(
            "L'horlogère et l'horloger montent, règlent, entretiennent et réparent des montres "
            "et des pendules. Ils travaillent sur des pièces de quelques millimètres, avec une "
            "grande patience et un geste très sûr."
        ),
        activites=(
            "Démonter un mouvement et nettoyer chaque pièce",
            "Remplacer un ressort, un axe ou une roue abîmés",
            "Remonter, huiler et régler la marche de la montre",
            "Contrôler la précision et l'étanchéité",
            "Conseiller les clients sur l'entretien de leur montre",
        ),
        competences=(
            Groupe(
                "Gestes de précision", ("Manipuler des pièces minuscules", "Régler un balancier")
            ),
            Groupe("Diagnostic", ("Trouver pourquoi une montre avance ou s'arrête",)),
        ),
        savoirs=(
            Groupe("Horlogerie", ("Mouvements mécaniques et à quartz", "Vocabulaire des pièces")),
            Groupe("Matériaux", ("Laiton, acier, rubis synthétiques, huiles fines",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier de manufacture, de réparation ou boutique."),
            risques("Fatigue des yeux et du dos", "Poste réglé en hauteur, lumière adaptée."),
        ),
        acces=(
            "Le CAP Horlogerie est la première étape ; on peut le compléter par un brevet des "
            "métiers d'art ou un diplôme de technicien en microtechniques.",
        ),
        formations=("cap-horlogerie",),
        salaire=(1850, 2300),
        centres_interet=("precision", "fabriquer"),
        filieres=("microtechniques", "luxe"),
        proches=("bijoutier-joaillier", "operateur-usinage", "technicien-traitement-surface"),
        appellations=(
            "Horloger / Horlogère",
            "Horloger-réparateur / Horlogère-réparatrice",
            "Monteur / Monteuse en systèmes horlogers",
        ),
    ),
    MetierDemo(
        slug="ebeniste",
        titre_masculin="Ébéniste",
        titre_feminin="Ébéniste",
        code_rome="H2207",
        riasec="R",
        accroche=(
            "Tu choisis les plus beaux bois et tu fabriques des meubles qui traverseront les "
            "générations, du dessin jusqu'au vernis."
        ),
        description=(
            "L'ébéniste fabrique ou restaure des meubles en bois massif ou plaqué. Il ou elle "
            "dessine, découpe, assemble, décore parfois avec de la marqueterie, puis ponce et "
            "vernit pour un résultat impeccable."
        ),
        activites=(
            "Étudier le plan ou dessiner le meuble avec le client",
            "Choisir et débiter le bois",
            "Réaliser les assemblages à la main ou sur machine",
            "Plaquer, sculpter ou poser une marqueterie",
            "Poncer, teinter et vernir",
        ),
        competences=(
            Groupe(
                "Fabriquer",
                (
                    "Utiliser les outils à main et les machines à bois",
                    "Réaliser des assemblages solides",
                ),
            ),
            Groupe("Créer", ("Dessiner un meuble", "Associer essences et couleurs")),
        ),
        savoirs=(
            Groupe("Le bois", ("Essences et leurs usages", "Séchage et mouvement du bois")),
            Groupe("Finitions", ("Vernis, cires, teintes",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier artisanal ou entreprise d'agencement de luxe."),
            risques(
                "Machines coupantes, poussière de bois",
                "Aspiration, lunettes et protections auditives.",
            ),
        ),
        acces=(
            "Le CAP Ébéniste se prépare en 2 ans, souvent en apprentissage ; il peut être suivi "
            "d'un brevet des métiers d'art pour aller vers la création.",
        ),
        formations=("cap-ebeniste",),
        salaire=(1850, 2100),
        centres_interet=("fabriquer", "matieres", "dessin-creation"),
        filieres=("bois", "luxe"),
        proches=("menuisier", "charpentier", "maroquinier"),
        appellations=("Ebéniste", "Ebéniste d'art", "Menuisier / Menuisière en meubles"),
    ),
    MetierDemo(
        slug="menuisier",
        titre_masculin="Menuisier",
        titre_feminin="Menuisière",
        code_rome="H2206",
        riasec="R",
        accroche=(
            "Portes, fenêtres, escaliers, cuisines : tu fabriques en atelier ce qui rend une "
            "maison pratique et chaleureuse."
        ),
        description=(
            "La menuisière et le menuisier fabriquent des ouvrages en bois pour les bâtiments : "
            "fenêtres, portes, escaliers, placards. Ils travaillent à partir de plans, sur des "
            "machines de plus en plus souvent pilotées par ordinateur."
        ),
        activites=(
            "Lire le plan et préparer la liste des pièces",
            "Découper et usiner le bois sur machines",
            "Assembler, coller et ajuster les éléments",
            "Poser les quincailleries et les vitrages",
            "Parfois installer l'ouvrage chez le client",
        ),
        competences=(
            Groupe("Fabriquer", ("Régler une machine à bois", "Assembler avec précision")),
            Groupe("Organiser", ("Préparer son débit pour limiter les chutes",)),
        ),
        savoirs=(
            Groupe("Le bois", ("Essences et panneaux", "Assemblages traditionnels")),
            Groupe("Outils", ("Machines à commande numérique pour le bois",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier ou usine de menuiserie, parfois sur chantier."),
            risques("Machines coupantes, bruit, poussière", EPI),
        ),
        acces=(
            "Le CAP Menuisier fabricant est la porte d'entrée, très souvent en apprentissage ; "
            "un bac pro ou un BTS permet d'aller vers le bureau d'études.",
        ),
        formations=("cap-menuisier",),
        salaire=(1850, 2100),
        centres_interet=("fabriquer", "matieres"),
        filieres=("bois",),
        proches=("ebeniste", "charpentier", "operateur-usinage"),
        appellations=(
            "Menuisier / Menuisière",
            "Menuisier / Menuisière d'atelier",
            "Menuisier industriel / Menuisière industrielle",
        ),
    ),
    MetierDemo(
        slug="charpentier",
        titre_masculin="Charpentier bois",
        titre_feminin="Charpentière bois",
        code_rome="F1503",
        riasec="R",
        accroche=(
            "Tu tailles et tu montes la charpente qui porte le toit, ou une maison entière en "
            "bois, en équipe et en plein air."
        ),
        description=(
            "La charpentière et le charpentier fabriquent en atelier les pièces de bois d'une "
            "charpente ou d'une maison à ossature bois, puis les assemblent sur le chantier. "
            "Le métier allie calcul, force et travail d'équipe."
        ),
        activites=(
            "Relever les mesures et tracer les pièces",
            "Tailler le bois à la main ou sur machine numérique",
            "Préparer les assemblages en atelier",
            "Lever et fixer les pièces sur le chantier, avec une grue",
            "Poser l'isolation et les panneaux des murs en bois",
        ),
        competences=(
            Groupe("Tracer", ("Lire un plan de charpente", "Calculer des angles et des longueurs")),
            Groupe(
                "Monter",
                ("Travailler en hauteur en sécurité", "Coordonner le levage avec l'équipe"),
            ),
        ),
        savoirs=(
            Groupe("Le bois", ("Résistance des bois de structure", "Traitements du bois")),
            Groupe("Construction", ("Isolation et étanchéité", "Règles de sécurité sur chantier")),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier et chantiers, dehors par tous les temps."),
            risques("Hauteur, charges lourdes", "Harnais, casque et chaussures de sécurité."),
        ),
        acces=(
            "Le CAP Charpentier bois se prépare en 2 ans, presque toujours en apprentissage ; un "
            "brevet professionnel ou un bac pro permet ensuite d'encadrer un chantier.",
        ),
        formations=("cap-charpentier",),
        salaire=(1850, 2200),
        centres_interet=("fabriquer", "equipe", "planete"),
        filieres=("bois",),
        proches=("menuisier", "ebeniste", "chaudronnier"),
        appellations=(
            "Charpentier / Charpentière",
            "Charpentier bois poseur / Charpentière bois poseuse",
            "Traceur / Traceuse de charpentes en bois",
        ),
    ),
    MetierDemo(
        slug="technicien-methodes",
        titre_masculin="Technicien méthodes",
        titre_feminin="Technicienne méthodes",
        code_rome="H1404",
        riasec="RC",
        accroche=(
            "Avant qu'une pièce soit fabriquée en série, tu décides comment : quelles machines, "
            "dans quel ordre, en combien de temps."
        ),
        description=(
            "La technicienne et le technicien méthodes organisent la fabrication d'un produit. "
            "Ils écrivent les étapes (la gamme), choisissent les outils, calculent les temps et "
            "cherchent sans cesse à rendre le travail plus simple, plus sûr et plus rapide."
        ),
        activites=(
            "Étudier le plan d'une nouvelle pièce avec le bureau d'études",
            "Écrire la gamme de fabrication, étape par étape",
            "Choisir les machines, les outils et les réglages",
            "Chronométrer les opérations et calculer les coûts",
            "Améliorer un poste de travail avec les opérateurs",
        ),
        competences=(
            Groupe(
                "Organiser",
                ("Découper une fabrication en étapes", "Estimer des temps et des coûts"),
            ),
            Groupe(
                "Améliorer",
                (
                    "Observer un poste et proposer des solutions",
                    "Animer un petit groupe de travail",
                ),
            ),
        ),
        savoirs=(
            Groupe("Production", ("Procédés de fabrication", "Organisation d'un atelier")),
            Groupe("Outils", ("Logiciels de conception et de programmation", "Tableurs")),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Bureau des méthodes et atelier, souvent entre les deux."),
            risques(
                "Peu de risques ; équipements de sécurité dans l'atelier.",
            ),
        ),
        acces=(
            "Un BTS ou un BUT suffit pour commencer ; une licence pro permet de se spécialiser.",
        ),
        formations=("bts-cprp", "but-gmp", "licence-pro"),
        salaire=(2100, 2600),
        centres_interet=("comprendre", "equipe", "machines"),
        filieres=("vehicules-du-futur", "plasturgie"),
        proches=("operateur-usinage", "controleur-qualite", "ingenieur-conception"),
        appellations=(
            "Technicien / Technicienne méthodes",
            "Technicien / Technicienne méthodes-industrialisation",
            "Préparateur / Préparatrice de méthodes en industrie",
        ),
    ),
    MetierDemo(
        slug="dessinateur-projeteur",
        titre_masculin="Dessinateur-projeteur",
        titre_feminin="Dessinatrice-projeteuse",
        code_rome="H1203",
        riasec="RC",
        accroche=(
            "Sur ton écran, une pièce prend forme en 3D avant même d'exister : tu dessines "
            "les objets que d'autres vont fabriquer."
        ),
        description=(
            "La dessinatrice-projeteuse et le dessinateur-projeteur conçoivent des pièces et des "
            "ensembles mécaniques sur ordinateur. Ils dessinent en 3D, vérifient que tout "
            "s'emboîte et produisent les plans dont l'atelier a besoin."
        ),
        activites=(
            "Comprendre le besoin décrit par l'ingénieur ou le client",
            "Modéliser les pièces en 3D avec un logiciel de CAO",
            "Vérifier que les pièces s'assemblent et résistent",
            "Produire les plans avec toutes les cotes",
            "Modifier le dessin après les premiers essais",
        ),
        competences=(
            Groupe("Concevoir", ("Imaginer une solution technique", "Dessiner en 3D")),
            Groupe("Communiquer", ("Expliquer un plan à l'atelier", "Travailler en projet")),
        ),
        savoirs=(
            Groupe(
                "Technique", ("Mécanique et résistance des matériaux", "Normes du dessin technique")
            ),
            Groupe("Outils", ("Logiciels de CAO", "Impression 3D de prototypes")),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Bureau d'études, avec des passages à l'atelier."),
            risques(
                "Travail sur écran : pauses et bon réglage du poste.",
            ),
        ),
        acces=(
            "Le BTS Conception des produits industriels ou le BUT Génie mécanique et productique "
            "y mènent ; avec de l'expérience, on peut devenir chef de projet.",
        ),
        formations=("bts-cpi", "but-gmp"),
        salaire=(2000, 2500),
        centres_interet=("dessin-creation", "comprendre"),
        filieres=("vehicules-du-futur", "microtechniques"),
        proches=("ingenieur-conception", "technicien-methodes", "chaudronnier"),
        appellations=(
            "Dessinateur / Dessinatrice d'études en mécanique",
            "Dessinateur / Dessinatrice en carrosserie automobile",
            "Concepteur / Conceptrice en produits mécaniques",
        ),
    ),
    MetierDemo(
        slug="ingenieur-conception",
        titre_masculin="Ingénieur en conception",
        titre_feminin="Ingénieure en conception",
        code_rome="H1206",
        riasec="EI",
        accroche=(
            "Une voiture plus légère, une pile à hydrogène plus puissante : tu inventes les "
            "produits de demain et tu mènes l'équipe qui les met au point."
        ),
        description=(
            "L'ingénieure et l'ingénieur en conception imaginent de nouveaux produits ou les "
            "améliorent. Ils font des calculs et des simulations, organisent les essais de "
            "prototypes et coordonnent dessinateurs, techniciens et fournisseurs."
        ),
        activites=(
            "Transformer un besoin en cahier des charges",
            "Comparer plusieurs solutions techniques",
            "Simuler le comportement d'une pièce sur ordinateur",
            "Organiser les essais de prototypes et analyser les résultats",
            "Présenter le projet et suivre son budget",
        ),
        competences=(
            Groupe(
                "Innover", ("Chercher des solutions nouvelles", "Analyser des résultats d'essais")
            ),
            Groupe("Conduire un projet", ("Animer une équipe", "Tenir un planning et un budget")),
        ),
        savoirs=(
            Groupe("Sciences", ("Mécanique, matériaux, électricité", "Simulation numérique")),
            Groupe("Langues", ("Anglais technique, souvent utilisé au quotidien",)),
        ),
        conditions=(
            horaires(JOURNEE, "Des pics de travail avant les grandes étapes du projet."),
            lieux("Bureau d'études, laboratoire d'essais, déplacements chez les partenaires."),
            risques(
                "Peu de risques physiques.",
            ),
        ),
        acces=(
            "Il faut un diplôme d'ingénieur (5 ans après le bac). On peut entrer en école juste "
            "après le bac, après une prépa, ou après un BTS ou un BUT, souvent en apprentissage.",
        ),
        formations=("ingenieur",),
        salaire=(3000, 3600),
        centres_interet=("comprendre", "dessin-creation", "planete"),
        filieres=("vehicules-du-futur", "energie"),
        proches=("dessinateur-projeteur", "technicien-methodes", "technicien-electronique"),
        appellations=(
            "Ingénieur / Ingénieure R&D en industrie",
            "Chef / Cheffe de projet études industrielles",
        ),
    ),
    MetierDemo(
        slug="controleur-qualite",
        titre_masculin="Contrôleur qualité",
        titre_feminin="Contrôleuse qualité",
        code_rome="H1528",
        riasec="RC",
        accroche=(
            "Rien ne sort de l'usine sans ton feu vert : tu mesures, tu testes et tu traques le "
            "moindre défaut."
        ),
        description=(
            "La contrôleuse et le contrôleur qualité vérifient que les produits respectent les "
            "exigences : dimensions, aspect, solidité, sécurité. Quand un défaut apparaît, ils "
            "cherchent sa cause avec l'équipe de production."
        ),
        activites=(
            "Prélever des produits pendant la fabrication",
            "Mesurer et tester avec des instruments précis",
            "Comparer les résultats aux exigences du client",
            "Bloquer un lot qui ne convient pas et prévenir l'atelier",
            "Rédiger les rapports de contrôle",
        ),
        competences=(
            Groupe("Mesurer", ("Utiliser des instruments de mesure", "Suivre un plan de contrôle")),
            Groupe("Analyser", ("Trouver la cause d'un défaut", "Présenter des résultats simples")),
        ),
        savoirs=(
            Groupe("Qualité", ("Normes et exigences clients", "Statistiques de base")),
            Groupe("Produits", ("Procédés de fabrication de l'usine",)),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Laboratoire de contrôle et ateliers de production."),
            risques(
                "Peu de risques ; équipements de sécurité dans l'atelier.",
            ),
        ),
        acces=(
            "On peut commencer après un bac pro industriel et se former sur le terrain ; le BUT "
            "Qualité, logistique industrielle et organisation ouvre des postes de technicien.",
        ),
        formations=("but-qlio", "bac-plastiques"),
        salaire=(1950, 2400),
        centres_interet=("precision", "comprendre"),
        filieres=("plasturgie", "agroalimentaire"),
        proches=("technicien-laboratoire", "technicien-methodes", "conducteur-ligne-alimentaire"),
        appellations=(
            "Technicien / Technicienne qualité en industrie",
            "Technicien / Technicienne contrôle qualité en industrie",
        ),
    ),
    MetierDemo(
        slug="maroquinier",
        titre_masculin="Maroquinier",
        titre_feminin="Maroquinière",
        code_rome="B1802",
        riasec="RA",
        accroche=(
            "Tu coupes, tu pares et tu couds le cuir pour fabriquer des sacs et des objets "
            "que l'on garde toute une vie."
        ),
        description=(
            "La maroquinière et le maroquinier fabriquent des articles en cuir : sacs, "
            "portefeuilles, ceintures, bracelets de montre. Chaque étape demande de la minutie, "
            "de la coupe des pièces jusqu'aux finitions des bords."
        ),
        activites=(
            "Choisir les peaux et repérer leurs défauts",
            "Couper les pièces selon les gabarits",
            "Amincir les bords du cuir (parer)",
            "Assembler par collage et couture, à la main ou à la machine",
            "Teindre et lisser les tranches pour la finition",
        ),
        competences=(
            Groupe(
                "Fabriquer",
                ("Couper le cuir sans perte", "Coudre à la machine et au point sellier"),
            ),
            Groupe("Soigner", ("Repérer un défaut d'aspect", "Travailler proprement")),
        ),
        savoirs=(
            Groupe("Le cuir", ("Types de peaux et de tannages", "Comportement du cuir")),
            Groupe("Outils", ("Tranchet, pareuse, machine à coudre",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier d'une maison de luxe ou d'un artisan."),
            risques("Outils coupants, gestes répétés", "Postes aménagés et pauses."),
        ),
        acces=(
            "Le CAP Maroquinerie se prépare en 1 ou 2 ans, souvent en apprentissage. Les grandes "
            "maisons ont aussi leurs propres écoles.",
        ),
        formations=("cap-maroquinerie",),
        salaire=(1850, 2200),
        centres_interet=("fabriquer", "precision", "matieres"),
        filieres=("luxe",),
        proches=("ebeniste", "bijoutier-joaillier", "horloger"),
        appellations=(
            "Maroquinier / Maroquinière",
            "Malletier / Malletière",
            "Artisan / Artisane en cuir",
        ),
    ),
    MetierDemo(
        slug="bijoutier-joaillier",
        titre_masculin="Bijoutier-joaillier",
        titre_feminin="Bijoutière-joaillière",
        code_rome="B1605",
        riasec="RA",
        accroche=(
            "L'or, l'argent, les pierres précieuses : tu scies, tu soudes et tu polis des bijoux "
            "uniques, du croquis à la pièce finie."
        ),
        description=(
            "La bijoutière-joaillière et le bijoutier-joaillier fabriquent et réparent des bijoux "
            "en métal précieux. Ils mettent en forme le métal, préparent l'emplacement des "
            "pierres et soignent chaque détail."
        ),
        activites=(
            "Lire le dessin ou le modèle 3D du bijou",
            "Fondre, laminer et scier le métal",
            "Souder et assembler les éléments",
            "Préparer les griffes ou les chatons pour les pierres",
            "Limer et polir jusqu'à l'éclat final",
        ),
        competences=(
            Groupe("Façonner", ("Scier et limer avec précision", "Souder de petites pièces")),
            Groupe("Créer", ("Interpréter un dessin", "Proposer une finition")),
        ),
        savoirs=(
            Groupe("Matières", ("Métaux précieux et alliages", "Pierres et leur fragilité")),
            Groupe("Outils", ("Chalumeau, laminoir, touret de polissage",)),
        ),
        conditions=(
            horaires(JOURNEE),
            lieux("Atelier de joaillerie, parfois dans une boutique."),
            risques("Flamme du chalumeau, produits de polissage", "Lunettes et aspiration."),
        ),
        acces=(
            "Le CAP Art et techniques de la bijouterie-joaillerie se prépare en 2 ans ; un brevet "
            "des métiers d'art permet ensuite de se perfectionner.",
        ),
        formations=("cap-bijouterie",),
        salaire=(1850, 2200),
        centres_interet=("dessin-creation", "precision", "fabriquer"),
        filieres=("luxe",),
        proches=("horloger", "maroquinier", "technicien-traitement-surface"),
        appellations=(
            "Bijoutier / Bijoutière",
            "Bijoutier / Bijoutière en métaux précieux",
            "Modéliste-maquettiste en bijouterie",
        ),
    ),
    MetierDemo(
        slug="cariste",
        titre_masculin="Cariste",
        titre_feminin="Cariste",
        code_rome="N1101",
        riasec="R",
        accroche=(
            "Aux commandes de ton chariot élévateur, tu déplaces des tonnes de marchandises au "
            "bon endroit, au bon moment, en toute sécurité."
        ),
        description=(
            "La ou le cariste conduit un chariot élévateur pour charger, décharger, ranger et "
            "livrer les marchandises dans l'entrepôt ou au pied des machines de l'usine. Sans "
            "cariste, les lignes de production s'arrêtent faute de matière."
        ),
        activites=(
            "Décharger les camions et vérifier les livraisons",
            "Ranger les palettes dans les rayonnages, parfois très haut",
            "Approvisionner les lignes de production",
            "Scanner les produits pour suivre les stocks",
            "Vérifier son chariot avant chaque prise de poste",
        ),
        competences=(
            Groupe(
                "Conduire",
                ("Manœuvrer un chariot avec précision", "Respecter les règles de circulation"),
            ),
            Groupe(
                "Organiser",
                ("Suivre les priorités de livraison", "Utiliser un terminal de gestion de stock"),
            ),
        ),
        savoirs=(
            Groupe("Sécurité", ("Règles de conduite des chariots", "Stabilité des charges")),
            Groupe("Logistique", ("Gestion des stocks", "Étiquetage et traçabilité")),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Entrepôt, quai de chargement, allées de l'usine."),
            risques(
                "Circulation, chutes de charges",
                "Chaussures de sécurité et gilet haute visibilité.",
            ),
        ),
        acces=(
            "Il faut une autorisation de conduite délivrée par l'employeur après une formation "
            "et un test (le CACES). Le CAP Opérateur/Opératrice logistique prépare bien au métier.",
        ),
        formations=("cap-logistique",),
        salaire=(1820, 2000),
        centres_interet=("machines", "equipe"),
        filieres=("agroalimentaire", "plasturgie"),
        proches=("conducteur-ligne-alimentaire", "plasturgiste", "pilote-ligne-batteries"),
        appellations=("Cariste", "Cariste d'entrepôt", "Cariste secteur industrie"),
    ),
    MetierDemo(
        slug="mecatronicien-automobile",
        titre_masculin="Mécatronicien automobile",
        titre_feminin="Mécatronicienne automobile",
        code_rome="I1604",
        riasec="R",
        accroche=(
            "Moteur thermique, électrique ou à hydrogène : tu branches ta valise de diagnostic, "
            "tu trouves la panne et tu remets la voiture sur la route."
        ),
        description=(
            "La mécatronicienne et le mécatronicien entretiennent et réparent les voitures, dont "
            "la mécanique est aujourd'hui pleine d'électronique. Ils utilisent des outils de "
            "diagnostic informatique et sont formés au travail sur les véhicules électriques."
        ),
        activites=(
            "Accueillir le véhicule et écouter la description de la panne",
            "Brancher l'outil de diagnostic et lire les codes d'erreur",
            "Faire l'entretien : vidange, freins, pneus, filtres",
            "Réparer ou remplacer les pièces défectueuses",
            "Intervenir en sécurité sur une batterie haute tension",
        ),
        competences=(
            Groupe(
                "Diagnostiquer",
                ("Utiliser une valise de diagnostic", "Tester un circuit électrique"),
            ),
            Groupe("Réparer", ("Démonter et remonter proprement", "Respecter les temps prévus")),
        ),
        savoirs=(
            Groupe("Technique", ("Mécanique automobile", "Électricité et électronique embarquée")),
            Groupe("Sécurité", ("Habilitation pour les véhicules électriques",)),
        ),
        conditions=(
            horaires(JOURNEE, "Souvent le samedi matin en garage."),
            lieux("Garage, concession ou atelier d'une flotte de véhicules."),
            risques(
                "Charges, produits salissants, haute tension",
                "Gants isolants pour les véhicules électriques.",
            ),
        ),
        acces=(
            "Le bac pro Maintenance des véhicules est la voie la plus courante ; après, un BTS "
            "permet de devenir technicien expert.",
        ),
        formations=("bac-vehicules",),
        salaire=(1850, 2200),
        centres_interet=("comprendre", "machines"),
        filieres=("vehicules-du-futur",),
        proches=("technicien-electronique", "technicien-maintenance", "technicien-eolien"),
        appellations=(
            "Mécanicien / Mécanicienne automobile",
            "Technicien / Technicienne en maintenance automobile",
            "Mécanicien / Mécanicienne de maintenance automobile",
        ),
    ),
    MetierDemo(
        slug="technicien-traitement-surface",
        titre_masculin="Technicien en traitement de surface",
        titre_feminin="Technicienne en traitement de surface",
        code_rome="H3402",
        riasec="RC",
        accroche=(
            "Rendre un métal brillant, dur ou inoxydable, le dorer ou le colorer : tu donnes "
            "aux pièces leur peau protectrice."
        ),
        description=(
            "La technicienne et le technicien en traitement de surface protègent ou embellissent "
            "des pièces en les plongeant dans des bains chimiques ou en les recouvrant d'une "
            "couche très fine. Ils surveillent les bains et contrôlent le résultat."
        ),
        activites=(
            "Préparer les pièces : dégraissage, décapage",
            "Accrocher les pièces et lancer le cycle de traitement",
            "Analyser et corriger la composition des bains",
            "Mesurer l'épaisseur de la couche déposée",
            "Trier et traiter les rejets pour protéger l'environnement",
        ),
        competences=(
            Groupe(
                "Conduire", ("Piloter une ligne de bains", "Respecter un temps et une température")
            ),
            Groupe(
                "Analyser",
                ("Faire une mesure chimique simple", "Contrôler l'aspect et l'épaisseur"),
            ),
        ),
        savoirs=(
            Groupe("Chimie", ("Électrolyse et dépôts de métaux", "Dangers des produits")),
            Groupe("Environnement", ("Traitement des eaux et des déchets",)),
        ),
        conditions=(
            horaires(ATELIER_EN_EQUIPES),
            lieux("Atelier de traitement, ventilé, près des bains."),
            risques("Produits chimiques, vapeurs", "Gants, lunettes, tablier et ventilation."),
        ),
        acces=(
            "On peut débuter après un bac pro industriel et se former en entreprise ; le BUT "
            "Chimie mène aux postes de technicien.",
        ),
        formations=("but-chimie", "bac-pilote"),
        salaire=(1900, 2300),
        centres_interet=("comprendre", "precision"),
        filieres=("microtechniques", "luxe"),
        proches=("technicien-laboratoire", "controleur-qualite", "horloger"),
        appellations=(
            "Agent / Agente de traitement de surface",
            "Anodiseur industriel / Anodiseuse industrielle",
            "Galvanoplaste industriel / Galvanoplaste industrielle",
        ),
    ),
    MetierDemo(
        slug="technicien-laboratoire",
        titre_masculin="Technicien chimiste",
        titre_feminin="Technicienne chimiste",
        code_rome="H1503",
        riasec="IR",
        accroche=(
            "Blouse, pipettes et appareils de mesure : au laboratoire, tu analyses les matières "
            "pour prouver qu'elles sont sûres et conformes."
        ),
        description=(
            "La technicienne et le technicien chimiste réalisent des analyses en laboratoire "
            "pour contrôler les matières premières et les produits finis. Ils préparent les "
            "échantillons, font fonctionner les appareils et interprètent les résultats."
        ),
        activites=(
            "Recevoir et préparer les échantillons",
            "Réaliser des analyses selon un mode opératoire",
            "Régler et vérifier les appareils de mesure",
            "Enregistrer et interpréter les résultats",
            "Alerter quand un résultat sort des limites",
        ),
        competences=(
            Groupe("Analyser", ("Manipuler avec rigueur", "Utiliser des appareils d'analyse")),
            Groupe("Rendre compte", ("Tenir un cahier de laboratoire", "Expliquer un résultat")),
        ),
        savoirs=(
            Groupe("Sciences", ("Chimie générale et analytique", "Microbiologie de base")),
            Groupe("Sécurité", ("Produits dangereux et leur stockage",)),
        ),
        conditions=(
            horaires(JOURNEE, "En équipes quand l'usine tourne jour et nuit."),
            lieux("Laboratoire de l'usine ou laboratoire d'analyses."),
            risques("Produits chimiques", "Blouse, gants, lunettes et hotte aspirante."),
        ),
        acces=(
            "Le BUT Chimie est la voie la plus courante ; des BTS de chimie ou de bioanalyses y "
            "mènent aussi.",
        ),
        formations=("but-chimie",),
        salaire=(2000, 2400),
        centres_interet=("comprendre", "precision", "planete"),
        filieres=("agroalimentaire", "energie"),
        proches=("controleur-qualite", "technicien-traitement-surface", "ingenieur-conception"),
        appellations=(
            "Technicien / Technicienne chimiste en laboratoire d'analyse industrielle",
            "Analyste physicochimiste en industrie",
        ),
    ),
)

# --- entreprises (fictional names, real towns) -------------------------------------------------

ENTREPRISES = (
    EntrepriseDemo(
        "Hydrolune Mobilité", "Belfort", "47.639700", "6.863800", ("energie", "vehicules-du-futur")
    ),
    EntrepriseDemo(
        "Ampoulix Éclairage",
        "Sochaux",
        "47.508900",
        "6.826100",
        ("vehicules-du-futur", "plasturgie"),
    ),
    # Lons-le-Saunier (Jura): the demo keeps every company in Bourgogne-Franche-Comté.
    EntrepriseDemo("Granulo Plast", "Lons-le-Saunier", "46.674700", "5.554700", ("plasturgie",)),
    EntrepriseDemo(
        "Tic-Tac Microméca", "Morteau", "47.057700", "6.606400", ("microtechniques", "luxe")
    ),
    EntrepriseDemo("Copeau et Compagnie", "Saint-Claude", "46.387200", "5.863900", ("bois",)),
    EntrepriseDemo(
        "Laiterie des Sapins Bleus", "Poligny", "46.837600", "5.707700", ("agroalimentaire",)
    ),
)

# Which companies each fiche lists (a fiche may have none).
ENTREPRISES_PAR_METIER = {
    "chaudronnier": ("Hydrolune Mobilité",),
    "soudeur": ("Hydrolune Mobilité",),
    "pilote-ligne-batteries": ("Hydrolune Mobilité",),
    "ingenieur-conception": ("Hydrolune Mobilité", "Ampoulix Éclairage"),
    "dessinateur-projeteur": ("Ampoulix Éclairage",),
    "technicien-electronique": ("Ampoulix Éclairage", "Tic-Tac Microméca"),
    "regleur-plasturgie": ("Ampoulix Éclairage", "Granulo Plast"),
    "plasturgiste": ("Granulo Plast",),
    "technicien-methodes": ("Granulo Plast",),
    "operateur-usinage": ("Tic-Tac Microméca",),
    "horloger": ("Tic-Tac Microméca",),
    "technicien-traitement-surface": ("Tic-Tac Microméca",),
    "ebeniste": ("Copeau et Compagnie",),
    "menuisier": ("Copeau et Compagnie",),
    "conducteur-ligne-alimentaire": ("Laiterie des Sapins Bleus",),
    "technicien-laboratoire": ("Laiterie des Sapins Bleus",),
    "cariste": ("Laiterie des Sapins Bleus", "Granulo Plast"),
}

# Companies of the territory map (metiers.territoire): fictional names, real towns of
# Bourgogne-Franche-Comté, each with the fiches it employs. Coordinates are the town halls'
# (INSEE / IGN, see metiers/territoire/data).
ENTREPRISES_DU_TERRITOIRE = (
    (
        EntrepriseDemo(
            "Forges de la Grosne",
            "Chalon-sur-Saône",
            "46.780600",
            "4.853600",
            ("vehicules-du-futur",),
        ),
        ("chaudronnier", "soudeur"),
    ),
    (
        EntrepriseDemo("Mécaflux", "Auxerre", "47.796100", "3.570200", ("vehicules-du-futur",)),
        ("operateur-usinage", "technicien-maintenance"),
    ),
    (
        EntrepriseDemo(
            "Cellules du Nivernais",
            "Nevers",
            "46.987800",
            "3.157600",
            ("energie", "vehicules-du-futur"),
        ),
        ("pilote-ligne-batteries",),
    ),
    (
        EntrepriseDemo("Ventaïs Maintenance", "Dijon", "47.321000", "5.041300", ("energie",)),
        ("technicien-eolien", "technicien-maintenance"),
    ),
    (
        EntrepriseDemo("Turbinelec", "Belfort", "47.638600", "6.862800", ("energie",)),
        ("ingenieur-conception", "technicien-electronique"),
    ),
    (
        EntrepriseDemo(
            "Capteurs Comtois", "Besançon", "47.236700", "6.022300", ("microtechniques",)
        ),
        ("technicien-electronique", "controleur-qualite"),
    ),
    (
        EntrepriseDemo(
            "Horlogerie du Saut",
            "Villers-le-Lac",
            "47.059100",
            "6.667300",
            ("microtechniques", "luxe"),
        ),
        ("horloger",),
    ),
    (
        EntrepriseDemo("Précimax", "Pontarlier", "46.904100", "6.354200", ("microtechniques",)),
        ("operateur-usinage", "technicien-methodes"),
    ),
    (
        EntrepriseDemo(
            "Lunettes des Crêtes",
            "Hauts de Bienne",
            "46.520900",
            "6.022400",
            ("luxe", "microtechniques"),
        ),
        ("controleur-qualite", "technicien-methodes"),
    ),
    (
        EntrepriseDemo(
            "Plastiques du Revermont", "Lons-le-Saunier", "46.671800", "5.558200", ("plasturgie",)
        ),
        ("plasturgiste", "regleur-plasturgie"),
    ),
    (
        EntrepriseDemo(
            "Moulages Bressans", "Louhans-Châteaurenaud", "46.628200", "5.223100", ("plasturgie",)
        ),
        ("plasturgiste",),
    ),
    (
        EntrepriseDemo(
            "Emballix", "Sens", "48.199000", "3.282600", ("plasturgie", "agroalimentaire")
        ),
        ("conducteur-ligne-alimentaire", "regleur-plasturgie"),
    ),
    (
        EntrepriseDemo(
            "Fruitière du Mont d'Or", "Mouthe", "46.710300", "6.192500", ("agroalimentaire",)
        ),
        ("conducteur-ligne-alimentaire", "technicien-laboratoire"),
    ),
    (
        EntrepriseDemo(
            "Graine de Moutarde", "Dijon", "47.321000", "5.041300", ("agroalimentaire",)
        ),
        ("conducteur-ligne-alimentaire", "cariste"),
    ),
    (
        EntrepriseDemo(
            "Biscuits des Bords de Loire",
            "Cosne-Cours-sur-Loire",
            "47.412200",
            "2.927500",
            ("agroalimentaire",),
        ),
        ("conducteur-ligne-alimentaire",),
    ),
    (
        EntrepriseDemo(
            "Conserves du Val de Saône", "Gray", "47.445600", "5.592200", ("agroalimentaire",)
        ),
        ("controleur-qualite", "technicien-laboratoire"),
    ),
    (
        EntrepriseDemo(
            "Scierie des Mille Étangs", "Luxeuil-les-Bains", "47.816800", "6.381100", ("bois",)
        ),
        ("menuisier", "charpentier"),
    ),
    (
        EntrepriseDemo("Charpentes Éduennes", "Autun", "46.950200", "4.298800", ("bois",)),
        ("charpentier",),
    ),
    (
        EntrepriseDemo(
            "Ébénisterie du Mâconnais", "Mâcon", "46.303500", "4.833700", ("bois", "luxe")
        ),
        ("ebeniste",),
    ),
    (
        EntrepriseDemo(
            "Toupies et Compagnie",
            "Moirans-en-Montagne",
            "46.431100",
            "5.725400",
            ("bois", "plasturgie"),
        ),
        ("menuisier", "plasturgiste"),
    ),
    (
        EntrepriseDemo(
            "Sellerie de l'Auxois", "Semur-en-Auxois", "47.490000", "4.334000", ("luxe",)
        ),
        ("maroquinier",),
    ),
    (
        EntrepriseDemo("Atelier Vauban Joaillerie", "Besançon", "47.236700", "6.022300", ("luxe",)),
        ("bijoutier-joaillier",),
    ),
    (
        EntrepriseDemo(
            "Mobilis Atelier", "Vesoul", "47.619300", "6.154600", ("vehicules-du-futur",)
        ),
        ("mecatronicien-automobile", "technicien-maintenance"),
    ),
    (
        EntrepriseDemo("Chromalu", "Montbéliard", "47.510000", "6.798200", ("vehicules-du-futur",)),
        ("technicien-traitement-surface", "controleur-qualite"),
    ),
    (
        EntrepriseDemo(
            "H2 Héricourt", "Héricourt", "47.575700", "6.759500", ("energie", "vehicules-du-futur")
        ),
        ("ingenieur-conception", "pilote-ligne-batteries"),
    ),
    (
        EntrepriseDemo(
            "Chaudronnerie des Trois Croix", "Le Creusot", "46.805600", "4.427900", ("energie",)
        ),
        ("chaudronnier", "soudeur", "controleur-qualite"),
    ),
    (
        EntrepriseDemo(
            "Entrepôts du Jovinien", "Joigny", "47.981000", "3.399500", ("agroalimentaire",)
        ),
        ("cariste",),
    ),
    (
        EntrepriseDemo("Circuits Dolois", "Dole", "47.089300", "5.487800", ("microtechniques",)),
        ("technicien-electronique", "dessinateur-projeteur"),
    ),
    (
        EntrepriseDemo(
            "Usinage Decizois", "Decize", "46.828900", "3.462900", ("vehicules-du-futur",)
        ),
        ("operateur-usinage",),
    ),
    (
        EntrepriseDemo(
            "Granulés de l'Avallonnais", "Avallon", "47.488400", "3.907400", ("bois", "energie")
        ),
        ("technicien-maintenance",),
    ),
)
ENTREPRISES = ENTREPRISES + tuple(entreprise for entreprise, _ in ENTREPRISES_DU_TERRITOIRE)
ENTREPRISES_PAR_METIER = {
    slug: (
        *ENTREPRISES_PAR_METIER.get(slug, ()),
        *(e.nom for e, metiers in ENTREPRISES_DU_TERRITOIRE if slug in metiers),
    )
    for slug in {*ENTREPRISES_PAR_METIER, *(s for _, m in ENTREPRISES_DU_TERRITOIRE for s in m)}
}

# --- ambassadeurs (fictional people, quotes written by us) -------------------------------------

AMBASSADEURS = (
    AmbassadeurDemo(
        "Inès",
        "chaudronnier",
        "En troisième, je ne savais pas ce qu'était la chaudronnerie. Aujourd'hui, je vois "
        "passer sur la route des camions-citernes que j'ai aidé à fabriquer, et j'en suis fière.",
        date(2025, 3, 14),
    ),
    AmbassadeurDemo(
        "Lucas",
        "technicien-eolien",
        "Le premier jour, monter en haut de l'éolienne m'a impressionné. Maintenant, c'est le "
        "moment que je préfère : là-haut, on répare une machine qui alimente tout un village.",
        date(2025, 2, 3),
    ),
    AmbassadeurDemo(
        "Camille",
        "horloger",
        "J'aime le silence de l'atelier et le moment où une montre que je viens de régler se "
        "remet à battre. Il faut de la patience, mais ça s'apprend.",
        date(2025, 4, 22),
    ),
    AmbassadeurDemo(
        "Mathis",
        "regleur-plasturgie",
        "J'ai fait mon bac pro en alternance : deux semaines en cours, deux semaines à l'usine. "
        "J'étais payé, et à la fin j'avais déjà un CDI.",
        date(2025, 1, 27),
    ),
    # No written consent on record: the site must not show her.
    AmbassadeurDemo(
        "Chloé",
        "conducteur-ligne-alimentaire",
        "Sur ma ligne, on fabrique des milliers de compotes par heure. Ce qui me plaît, c'est "
        "que chaque journée est différente.",
        None,
    ),
)

# --- objets de A à Z ----------------------------------------------------------------------------

OBJETS = (
    ObjetDemo(
        slug="pile-a-combustible",
        titre="Pile à combustible",
        accroche=(
            "Elle fabrique de l'électricité avec de l'hydrogène et l'oxygène de l'air, et ne "
            "rejette que de l'eau. Qui la fabrique, et comment ?"
        ),
        introduction=(
            "Dans une voiture ou un bus à hydrogène, la pile à combustible remplace le moteur "
            "thermique : elle produit le courant qui fait tourner le moteur électrique.",
            "Du laboratoire au garage, suis les étapes de sa fabrication et les métiers qui "
            "interviennent à chacune.",
        ),
        filieres=("energie", "vehicules-du-futur"),
        etapes=(
            EtapeDemo(
                "Concevoir la pile",
                "L'équipe de conception choisit la puissance, la taille et les matériaux de la "
                "pile. Les plans de chaque pièce sont dessinés en 3D avant tout prototype.",
                ("ingenieur-conception", "dessinateur-projeteur"),
            ),
            EtapeDemo(
                "Préparer le catalyseur au platine",
                "Le platine accélère la réaction entre l'hydrogène et l'oxygène. Au laboratoire, "
                "on dépose de minuscules grains de platine sur une poudre de carbone et on "
                "contrôle chaque lot.",
                ("technicien-laboratoire",),
            ),
            EtapeDemo(
                "Fabriquer la membrane",
                "Une fine membrane en polymère laisse passer l'hydrogène d'un côté à l'autre "
                "mais pas les électrons. Elle est fabriquée en film très régulier, puis "
                "recouverte du catalyseur.",
                ("plasturgiste", "technicien-laboratoire"),
            ),
            EtapeDemo(
                "Former les plaques bipolaires",
                "Ces plaques de métal très fines portent de petits canaux qui guident les gaz. "
                "Elles sont embouties ou usinées avec une grande précision.",
                ("operateur-usinage", "chaudronnier"),
            ),
            EtapeDemo(
                "Protéger les plaques",
                "Pour que les plaques ne rouillent pas au contact de l'eau produite, on les "
                "recouvre d'une couche protectrice très mince. Son épaisseur est mesurée pièce "
                "par pièce.",
                ("technicien-traitement-surface",),
            ),
            EtapeDemo(
                "Empiler et assembler le « stack »",
                "Des centaines de cellules, membrane et plaques en alternance, sont empilées "
                "puis serrées. Une ligne automatisée fait ce travail, surveillée par les "
                "pilotes de ligne.",
                ("pilote-ligne-batteries", "technicien-methodes"),
            ),
            EtapeDemo(
                "Tester chaque pile",
                "Chaque pile passe au banc d'essai : étanchéité au gaz, tension de chaque "
                "cellule, puissance. Une pile qui ne réussit pas tous les tests ne part pas.",
                ("controleur-qualite",),
            ),
            EtapeDemo(
                "Fabriquer le circuit d'hydrogène",
                "Des tubes en inox amènent l'hydrogène du réservoir jusqu'à la pile. Ils sont "
                "découpés, cintrés et soudés sans le moindre défaut, car l'hydrogène se "
                "faufile partout.",
                ("soudeur", "chaudronnier"),
            ),
            EtapeDemo(
                "Intégrer la pile dans le véhicule",
                "La pile, le réservoir, la batterie et l'électronique de puissance sont montés "
                "dans le véhicule. On vérifie que tous les systèmes se parlent correctement.",
                ("technicien-electronique", "mecatronicien-automobile"),
            ),
            EtapeDemo(
                "Entretenir le véhicule",
                "Au garage, on contrôle le circuit d'hydrogène, on change les filtres à air et "
                "on lit les données de la pile avec un outil de diagnostic.",
                ("mecatronicien-automobile", "technicien-maintenance"),
            ),
        ),
    ),
    ObjetDemo(
        slug="eclairage-automobile",
        titre="Éclairage automobile",
        accroche=(
            "Un phare de voiture moderne, c'est du plastique, des LED, de l'électronique et "
            "beaucoup de calculs. Suis-le du dessin jusqu'à la route."
        ),
        introduction=(
            "Un phare doit éclairer loin sans éblouir les autres conducteurs, résister à la "
            "pluie, aux cailloux et au soleil pendant des années.",
            "Voici les étapes de sa fabrication, et les métiers qui le font naître.",
        ),
        filieres=("vehicules-du-futur", "plasturgie"),
        etapes=(
            EtapeDemo(
                "Dessiner le phare",
                "Le phare doit s'intégrer dans la forme de la voiture. Il est modélisé en 3D, "
                "pièce par pièce, en lien avec les designers du constructeur.",
                ("dessinateur-projeteur",),
            ),
            EtapeDemo(
                "Calculer l'optique",
                "Des simulations indiquent où va chaque rayon de lumière. On ajuste la forme "
                "du réflecteur et des lentilles pour respecter les règles qui évitent "
                "d'éblouir.",
                ("ingenieur-conception",),
            ),
            EtapeDemo(
                "Préparer la fabrication",
                "On décide dans quel ordre fabriquer et assembler les pièces, sur quelles "
                "machines et en combien de temps. Les postes de travail sont organisés en "
                "conséquence.",
                ("technicien-methodes",),
            ),
            EtapeDemo(
                "Injecter la glace du phare",
                "La vitre du phare, appelée glace, est en polycarbonate transparent injecté "
                "dans un moule poli comme un miroir. Le moindre réglage faux laisse une bulle "
                "ou une rayure.",
                ("regleur-plasturgie", "plasturgiste"),
            ),
            EtapeDemo(
                "Rendre le réflecteur brillant",
                "Le réflecteur en plastique reçoit une couche d'aluminium de quelques "
                "centaines de nanomètres, déposée sous vide. C'est elle qui renvoie la lumière "
                "vers la route.",
                ("technicien-traitement-surface",),
            ),
            EtapeDemo(
                "Fabriquer la carte à LED",
                "Les LED sont soudées sur une carte électronique qui les alimente et les "
                "refroidit. Chaque carte est testée avant d'être montée.",
                ("technicien-electronique",),
            ),
            EtapeDemo(
                "Assembler le phare",
                "Boîtier, réflecteur, carte à LED et glace sont réunis, puis la glace est "
                "collée ou soudée pour que le phare reste étanche. Des robots aident les "
                "opérateurs.",
                ("plasturgiste", "technicien-maintenance"),
            ),
            EtapeDemo(
                "Contrôler la qualité",
                "Chaque phare est allumé et son faisceau mesuré. On vérifie aussi son "
                "étanchéité et son aspect avant l'emballage.",
                ("controleur-qualite",),
            ),
            EtapeDemo(
                "Livrer l'usine de voitures",
                "Les phares partent au bon moment vers l'usine d'assemblage, dans l'ordre des "
                "voitures à fabriquer. Ils sont chargés et rangés avec soin pour ne pas être "
                "rayés.",
                ("cariste",),
            ),
            EtapeDemo(
                "Régler et réparer sur la voiture",
                "Au garage, on règle la hauteur du faisceau et on remplace un phare abîmé. Les "
                "phares modernes se diagnostiquent avec un outil informatique.",
                ("mecatronicien-automobile",),
            ),
        ),
    ),
    ObjetDemo(
        slug="pot-de-yaourt",
        titre="Pot de yaourt",
        accroche=(
            "Un yaourt, c'est du lait, des ferments, un pot en plastique et une usine qui tourne "
            "jour et nuit. Suis-le de la ferme jusqu'à ton frigo."
        ),
        introduction=(
            "En France, on mange des milliards de yaourts chaque année. Chacun passe entre les "
            "mains de plusieurs métiers de l'agroalimentaire et de la plasturgie.",
            "Voici ses étapes, du lait de la ferme au rayon frais du magasin.",
        ),
        filieres=("agroalimentaire", "plasturgie"),
        etapes=(
            EtapeDemo(
                "Collecter et contrôler le lait",
                "Le camion-citerne apporte le lait des fermes voisines. Avant de l'accepter, le "
                "laboratoire de la laiterie vérifie sa fraîcheur, sa richesse et sa propreté.",
                ("technicien-laboratoire",),
            ),
            EtapeDemo(
                "Fabriquer les pots",
                "Les pots sont moulés à partir de granulés de plastique, parfois dans l'usine "
                "même. Le régleur ajuste la machine pour que chaque pot ait la bonne épaisseur.",
                ("regleur-plasturgie", "plasturgiste"),
            ),
            EtapeDemo(
                "Ensemencer et faire prendre",
                "Le lait est chauffé puis refroidi, et on y ajoute les ferments. Dans de grandes "
                "cuves à température contrôlée, il devient yaourt en quelques heures.",
                ("conducteur-ligne-alimentaire", "technicien-laboratoire"),
            ),
            EtapeDemo(
                "Remplir et fermer les pots",
                "Une ligne automatisée remplit des milliers de pots à l'heure et scelle leur "
                "opercule. Le conducteur de ligne surveille les cadences et règle les machines.",
                ("conducteur-ligne-alimentaire", "technicien-maintenance"),
            ),
            EtapeDemo(
                "Vérifier chaque lot",
                "Des échantillons de chaque lot partent au laboratoire : goût, texture, absence "
                "de microbes. Un lot n'est livré que s'il passe tous les contrôles.",
                ("controleur-qualite", "technicien-laboratoire"),
            ),
            EtapeDemo(
                "Stocker au froid et livrer",
                "Les palettes de yaourts rejoignent l'entrepôt frigorifique, puis les camions "
                "qui livrent les magasins. Le froid ne doit jamais s'interrompre.",
                ("cariste",),
            ),
        ),
    ),
)
