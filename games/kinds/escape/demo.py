"""The demo escape game « Panne à l'usine », written for 13 to 17 year olds.

The production line of a factory that makes fuel cells and car headlights has stopped; each
team restarts it by finding, breakdown after breakdown, the trade that fixes it. Eight énigmes
(a team plays seven: after the fork it goes through the headlights or the fuel cells, then
both paths join again), on the demo fiches of metiers.demo_data.

Énigmes are written as the block's stream values, except `metiers`: slugs of demo fiches.
"""

from __future__ import annotations

from string import ascii_uppercase

from games.kinds.escape.blocks import EnigmesBlock, keyed
from games.models import EscapeGamePage, GameIndexPage
from metiers.models import MetierPage

SLUG = "panne-a-l-usine"
TITLE = "Panne à l'usine"
INTRODUCTION = (
    "<p>Lundi, 8 heures. Dans l'usine qui fabrique des piles à combustible et des phares de "
    "voiture, une sirène retentit : toute la ligne de production vient de s'arrêter !</p>"
    "<p>Votre équipe a 40 minutes pour la remettre en route. À chaque panne, une question : "
    "quel métier peut la réparer ?</p>"
)
CONCLUSION = (
    "<p>La ligne redémarre, les camions repartent : bravo à toute l'équipe !</p>"
    "<p>Derrière chaque machine, il y a des métiers : maintenance, soudage, électronique, "
    "plasturgie, contrôle, logistique. Lequel vous a donné envie d'en savoir plus ?</p>"
)


def enigme(identifier, title, story, kind, prompt, solutions, metiers, **more) -> dict:
    """One énigme in the engine's terms (games.kinds.escape.engine.spec); `options` are the
    choices, the items as shown, the matching's left column, the padlock's colours or the
    trade suggestions; `hints` are (text, penalty in seconds) pairs; `metiers` are slugs."""
    options = more.get("options", [])
    data: dict = {"story_html": f"<p>{story}</p>", "image": None}
    if kind == "choice":
        data["options"] = keyed(options, ascii_uppercase)
    elif kind == "ordering":
        data["items"] = keyed(options, ascii_uppercase)
    elif kind == "matching":
        data["left"] = keyed(options, [str(n) for n in range(1, len(options) + 1)])
        data["right"] = keyed(more.get("right", []), ascii_uppercase)
    elif kind == "padlock_colours":
        data["colours"] = options
    elif kind == "find_trade":
        data["suggestions"] = options
    branches = dict(more.get("branches", []))
    default = more.get("next_default") or None
    return {
        "id": identifier,
        "title": title,
        "kind": kind,
        "text": prompt,
        "solutions": solutions,
        "hints": [{"text": text, "penalty_s": penalty} for text, penalty in more["hints"]],
        "fragments": more.get("fragments", []),
        "metiers": metiers,
        "next": ({**branches, "*": default} if default else branches) if branches else default,
        "data": data,
    }


ENIGMES = [
    enigme(
        "badge",
        "La porte de la salle de contrôle",
        "Pour arrêter la sirène, il faut entrer dans la salle de contrôle. La technicienne de "
        "maintenance a laissé le code de la porte en morceaux sur vos téléphones.",
        "padlock_digits",
        "Tapez le code à 4 chiffres de la porte. Chaque téléphone cache un ou plusieurs chiffres.",
        ["4350"],
        ["technicien-maintenance"],
        fragments=[
            "1er chiffre : le nombre de roues d'une voiture.",
            "2e chiffre : le nombre de couleurs d'un feu tricolore.",
            "3e chiffre : le nombre de doigts d'une main.",
            "4e chiffre : les grammes de fumée que rejette une voiture à hydrogène.",
        ],
        hints=[
            ("Lisez vos morceaux à voix haute, dans l'ordre : 1er, 2e, 3e, 4e chiffre.", 30),
            ("Une voiture à hydrogène ne rejette que de l'eau : zéro fumée.", 60),
        ],
    ),
    enigme(
        "robot-soudure",
        "Le robot qui ne soude plus",
        "Dans la salle de contrôle, un écran clignote : « Fuite sur un tube d'hydrogène ». Le "
        "robot a raté une soudure. Il faut appeler la bonne personne, vite !",
        "find_trade",
        "Quel métier refait la soudure ? Écrivez son nom.",
        ["soudeur", "soudeuse"],
        ["soudeur"],
        fragments=[
            "Je travaille avec un poste à souder et ses étincelles.",
            "Je porte un masque qui protège mes yeux de la lumière très forte.",
            "J'assemble les tubes d'hydrogène sans le moindre trou.",
            "Mon métier commence par la lettre S.",
        ],
        hints=[
            ("Ce métier réunit deux morceaux de métal en les faisant fondre.", 30),
            ("Sou… … …r, ou sou… … …se.", 90),
        ],
    ),
    enigme(
        "voyants",
        "Le tableau électrique",
        "Le tube est réparé, mais le tableau électrique refuse de redémarrer. Le technicien en "
        "électronique explique : il faut allumer trois voyants, dans le bon ordre.",
        "padlock_colours",
        "Allumez les 3 voyants dans l'ordre. Chaque téléphone connaît la couleur d'un voyant.",
        ["rouge, bleu, vert"],
        ["technicien-electronique"],
        options=["rouge", "orange", "jaune", "vert", "bleu"],
        fragments=[
            "1er voyant : la couleur qui veut dire « danger, on s'arrête ».",
            "2e voyant : la couleur de l'eau sur les cartes, celle que rejette la pile.",
            "3e voyant : la couleur qui veut dire « c'est bon, on peut repartir ».",
        ],
        hints=[
            ("Pensez aux couleurs d'un feu tricolore… sauf pour le 2e voyant.", 30),
            ("Le 1er est rouge et le dernier est vert.", 60),
        ],
    ),
    enigme(
        "aiguillage",
        "Deux ateliers à l'arrêt",
        "Le courant revient ! Le technicien méthodes regarde le planning : deux ateliers sont "
        "encore en panne. Il vous laisse choisir par lequel commencer.",
        "choice",
        "Par quel atelier commence votre équipe ? Les deux chemins mènent au redémarrage.",
        ["A", "B"],
        ["technicien-methodes"],
        options=["L'atelier des phares", "L'atelier des piles à combustible"],
        branches=[("A", "presse"), ("B", "outils")],
        hints=[("Il n'y a pas de mauvaise réponse : choisissez A ou B.", 0)],
    ),
    enigme(
        "presse",
        "Des bulles dans les phares",
        "Atelier des phares : la glace des phares sort de la presse à injecter pleine de bulles. "
        "Le plastique est trop chaud, le moule est mal réglé.",
        "choice",
        "Qui règle la presse et son moule ?",
        ["C"],
        ["regleur-plasturgie", "plasturgiste"],
        options=["Le cariste", "L'horloger", "Le régleur en plasturgie", "Le maroquinier"],
        next_default="etapes",
        hints=[
            ("La glace du phare est en plastique.", 30),
            ("Son métier contient le mot « plasturgie ».", 60),
        ],
    ),
    enigme(
        "outils",
        "Les outils mélangés",
        "Atelier des piles : pendant l'alarme, tout le monde est sorti en courant et les "
        "outils ont été mélangés. Rendez à chacun le sien.",
        "matching",
        "Associez chaque métier (1 à 4) à son outil (A à D), par exemple « 1A 2B 3C 4D ».",
        ["1C 2A 3D 4B"],
        [
            "soudeur",
            "controleur-qualite",
            "technicien-traitement-surface",
            "operateur-usinage",
        ],
        options=[
            "Soudeur",
            "Contrôleur qualité",
            "Technicien en traitement de surface",
            "Opérateur régleur en usinage",
        ],
        right=[
            "Le banc d'essai qui teste chaque pile",
            "La machine à commande numérique",
            "Le poste de soudage",
            "L'appareil qui mesure une couche plus fine qu'un cheveu",
        ],
        hints=[
            ("Le soudeur a retrouvé son poste de soudage : 1C.", 45),
            ("Le contrôleur qualité teste chaque pile : 2A.", 45),
        ],
    ),
    enigme(
        "etapes",
        "Redémarrer dans l'ordre",
        "Les deux ateliers sont réparés. La pilote de ligne doit relancer la fabrication des "
        "piles, étape après étape. Dans le désordre, tout casserait !",
        "ordering",
        "Remettez les étapes dans l'ordre : tapez les lettres, par exemple « ABCD ».",
        ["BDCA"],
        ["pilote-ligne-batteries", "controleur-qualite"],
        options=[
            "Tester chaque pile au banc d'essai",
            "Préparer le catalyseur au platine",
            "Empiler et serrer les cellules",
            "Former les plaques de métal",
        ],
        hints=[
            ("On finit toujours par le test : A est la dernière lettre.", 30),
            ("On prépare les pièces avant de les empiler : C vient juste avant A.", 60),
            ("Le catalyseur se prépare en tout premier.", 90),
        ],
    ),
    enigme(
        "quai",
        "Le camion n'attend pas",
        "Les premières pièces sont prêtes ! Le cariste doit les charger dans le camion, mais "
        "l'entrepôt est encombré de racks.",
        "padlock_directions",
        "Vu du dessus, l'entrepôt est un carré de 3 cases sur 3. Le chariot est dans le coin en "
        "bas à gauche, le camion dans le coin en haut à droite. Des racks bloquent toute la "
        "rangée du milieu, sauf sa case de droite. Entrez le chemin le plus court : 4 "
        "déplacements (haut, bas, gauche ou droite).",
        ["droite droite haut haut"],
        ["cariste"],
        hints=[
            ("Dessinez la grille de 3 sur 3 sur une feuille.", 30),
            ("Impossible de monter tout de suite : les racks bloquent.", 60),
        ],
    ),
]


def escape_stream(metiers: dict[str, MetierPage]) -> list[dict]:
    enigmes = [
        {**value, "metiers": [{"id": metiers[slug].pk} for slug in value["metiers"]]}
        for value in ENIGMES
    ]
    return EnigmesBlock.raw_from_engine(enigmes)


def wanted_metiers() -> set[str]:
    return {slug for value in ENIGMES for slug in value["metiers"]}


def ensure_games(index: GameIndexPage, ensure_game, stdout=None) -> list[str]:
    """The demo escape game, created when missing; its slug when created now."""
    wanted = wanted_metiers()
    metiers = {m.slug: m for m in MetierPage.objects.live().filter(slug__in=wanted)}
    if not wanted <= metiers.keys():
        if stdout:
            stdout.write(
                f"Jeux : fiches absentes ({', '.join(sorted(wanted - metiers.keys()))}), escape game ignoré."
            )
        return []
    _page, created = ensure_game(
        index,
        EscapeGamePage,
        SLUG,
        title=TITLE,
        introduction=INTRODUCTION,
        duree_minutes=40,
        taille_equipe=4,
        nombre_equipes=6,
        enigmes=escape_stream(metiers),
        conclusion=CONCLUSION,
    )
    return [SLUG] if created else []


def played_enigmes() -> list[dict]:
    """The demo énigmes as the page's blocks hand them to the engine (without fiches or
    pictures): items and pairs shuffled as phones show them, the codes that open them."""
    enigmes = [{**enigme, "metiers": []} for enigme in ENIGMES]
    return [
        EnigmesBlock.base_blocks[child["type"]].to_engine(child["value"], with_media=False)
        for child in EnigmesBlock.raw_from_engine(enigmes)
    ]
