"""Demo quizzes and parcours: one of each for every demo objet, written for 13 to 17 year olds.

Loaded by games.demo, which owns the « Jeux » index and the teachers' group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from games.kinds.quiz import demo_pictures
from games.kinds.quiz.blocks import QuestionsBlock
from games.models import ParcoursPage, QuizPage
from metiers.models import MetierPage, ObjetPage

INDEX_SLUG = "jeux"
TEACHER_USERNAME = "prof.demo"
TEACHER_PASSWORD_ENV = "DEMO_TEACHER_PASSWORD"  # noqa: S105 (the variable's name, not a password)


# --- the quizzes, written for 13 to 17 year olds -------------------------------------------
# Questions as the engine reads them, except `metiers`: slugs of the demo fiches.


@dataclass(frozen=True)
class DemoQuiz:
    objet: str  # slug of the demo objet
    title: str
    introduction: str
    questions: list[dict] = field(default_factory=list)


def choice(prompt, options, explanation, metiers):
    """`options`: (text, is_correct) in display order."""
    return {
        "kind": "choice",
        "prompt": prompt,
        "options": [text for text, _right in options],
        "correct": [i for i, (_text, right) in enumerate(options) if right],
        "explanation": explanation,
        "metiers": metiers,
    }


def true_false(prompt, correct, explanation, metiers):
    return {
        "kind": "true_false",
        "prompt": prompt,
        "correct": correct,
        "explanation": explanation,
        "metiers": metiers,
    }


def ordering(prompt, items, explanation, metiers):
    return {
        "kind": "ordering",
        "prompt": prompt,
        "items": [{"text": text} for text in items],
        "time_limit_s": 40,
        "explanation": explanation,
        "metiers": metiers,
    }


def matching(prompt, pairs, explanation, metiers):
    return {
        "kind": "matching",
        "prompt": prompt,
        "pairs": [{"left": left, "right": right} for left, right in pairs],
        "time_limit_s": 45,
        "explanation": explanation,
        "metiers": metiers,
    }


def estimate(prompt, value, tolerance, unit, explanation, metiers):
    return {
        "kind": "estimate",
        "prompt": prompt,
        "value": value,
        "tolerance": tolerance,
        "unit": unit,
        "time_limit_s": 30,
        "explanation": explanation,
        "metiers": metiers,
    }


QUIZ_PILE = DemoQuiz(
    objet="pile-a-combustible",
    title="Quiz : la pile à combustible",
    introduction=(
        "Hydrogène, platine, plaques de métal et tests au banc d'essai : qui fabrique la pile "
        "qui fait rouler les voitures à hydrogène ?"
    ),
    questions=[
        choice(
            "Que rejette une voiture à pile à combustible quand elle roule ?",
            [
                ("De la fumée noire", False),
                ("De l'eau", True),
                ("Du dioxyde de carbone", False),
                ("De l'essence", False),
            ],
            "La pile réunit l'hydrogène du réservoir et l'oxygène de l'air. Il en sort de "
            "l'électricité, un peu de chaleur… et de l'eau.",
            ["ingenieur-conception", "technicien-laboratoire"],
        ),
        true_false(
            "Le platine du catalyseur est déposé en grains minuscules sur une poudre de carbone.",
            True,
            "Le platine coûte très cher : en grains très fins, on en utilise peu pour la même "
            "réaction. Le technicien chimiste contrôle chaque lot au laboratoire.",
            ["technicien-laboratoire"],
        ),
        matching(
            "Associe chaque métier à ce qu'il fait pour la pile.",
            [
                ("Soudeur", "Assembler les tubes d'hydrogène sans aucun défaut"),
                ("Technicien en traitement de surface", "Protéger les plaques contre la rouille"),
                ("Pilote de ligne de batteries", "Surveiller la ligne qui empile les cellules"),
                ("Contrôleur qualité", "Tester chaque pile au banc d'essai"),
            ],
            "Quatre métiers, quatre étapes : sans l'un d'eux, la pile ne sortirait pas de l'usine.",
            [
                "soudeur",
                "technicien-traitement-surface",
                "pilote-ligne-batteries",
                "controleur-qualite",
            ],
        ),
        ordering(
            "Remets ces étapes de la fabrication dans l'ordre.",
            [
                "Concevoir la pile",
                "Fabriquer la membrane",
                "Empiler et assembler le « stack »",
                "Tester chaque pile",
                "Intégrer la pile dans le véhicule",
            ],
            "On dessine d'abord, on fabrique les pièces, on les assemble, on teste, et "
            "seulement ensuite la pile part dans la voiture.",
            [
                "ingenieur-conception",
                "plasturgiste",
                "pilote-ligne-batteries",
                "controleur-qualite",
            ],
        ),
        estimate(
            "Combien gagne un soudeur ou une soudeuse qui débute ? (en euros brut par mois)",
            2150,
            250,
            "€ brut par mois",
            "Entre 1 900 et 2 400 € brut par mois pour commencer. Avec de l'expérience et des "
            "qualifications en soudage, le salaire grimpe vite.",
            ["soudeur"],
        ),
        choice(
            "Pourquoi les tubes d'hydrogène doivent-ils être soudés sans le moindre défaut ?",
            [
                ("Pour que les tubes soient plus jolis", False),
                ("Parce que l'hydrogène se faufile par la moindre fissure", True),
                ("Parce que l'hydrogène est très lourd", False),
            ],
            "L'hydrogène est la plus petite des molécules : une fissure invisible suffit pour "
            "qu'il s'échappe. D'où des soudures parfaites, vérifiées une à une.",
            ["soudeur", "chaudronnier"],
        ),
        choice(
            "Quels métiers fabriquent les plaques bipolaires ? (plusieurs réponses)",
            [
                ("Opérateur régleur en usinage", True),
                ("Horloger", False),
                ("Chaudronnier", True),
                ("Maroquinier", False),
            ],
            "Les plaques sont embouties dans la tôle ou usinées avec une grande précision : "
            "c'est le travail des chaudronniers et des opérateurs en usinage.",
            ["operateur-usinage", "chaudronnier"],
        ),
        true_false(
            "Au garage, une voiture à hydrogène se répare sans outil informatique.",
            False,
            "Le mécatronicien branche un outil de diagnostic : il lit les données de la pile "
            "pour trouver la panne, comme un médecin lit une analyse.",
            ["mecatronicien-automobile"],
        ),
    ],
)

QUIZ_ECLAIRAGE = DemoQuiz(
    objet="eclairage-automobile",
    title="Quiz : l'éclairage automobile",
    introduction=(
        "Plastique transparent, aluminium plus fin qu'un cheveu, LED et robots : découvre qui "
        "fabrique les phares des voitures."
    ),
    questions=[
        choice(
            "Comment s'appelle la vitre transparente à l'avant d'un phare ?",
            [
                ("Le hublot", False),
                ("Le pare-brise", False),
                ("La glace", True),
                ("La visière", False),
            ],
            "On dit « la glace », même si elle est en plastique : du polycarbonate injecté "
            "dans un moule poli comme un miroir.",
            ["plasturgiste", "regleur-plasturgie"],
        ),
        true_false(
            "La couche d'aluminium qui fait briller le réflecteur est plus fine qu'un cheveu.",
            True,
            "Quelques centaines de nanomètres : des centaines de fois plus fin qu'un cheveu. "
            "Elle est déposée sous vide, dans une machine spéciale.",
            ["technicien-traitement-surface"],
        ),
        ordering(
            "Remets ces étapes de la vie d'un phare dans l'ordre.",
            [
                "Dessiner le phare",
                "Calculer l'optique",
                "Injecter la glace du phare",
                "Assembler le phare",
                "Contrôler la qualité",
                "Livrer l'usine de voitures",
            ],
            "Du dessin à la livraison : on conçoit, on fabrique les pièces, on assemble, on "
            "contrôle, puis le phare part vers l'usine de voitures.",
            [
                "dessinateur-projeteur",
                "ingenieur-conception",
                "plasturgiste",
                "controleur-qualite",
                "cariste",
            ],
        ),
        matching(
            "Associe chaque métier à sa tâche.",
            [
                ("Régleur en plasturgie", "Monter le moule sur la presse"),
                ("Technicien en électronique", "Tester les cartes à LED"),
                ("Cariste", "Charger les phares pour l'usine de voitures"),
                ("Mécatronicien automobile", "Régler la hauteur du faisceau au garage"),
            ],
            "Chaque métier a sa place dans la chaîne, de la presse à injecter jusqu'au garage.",
            [
                "regleur-plasturgie",
                "technicien-electronique",
                "cariste",
                "mecatronicien-automobile",
            ],
        ),
        estimate(
            "Combien gagne un technicien ou une technicienne en électronique qui débute ? "
            "(en euros brut par mois)",
            2250,
            250,
            "€ brut par mois",
            "Entre 2 000 et 2 500 € brut par mois pour commencer, souvent après un BTS.",
            ["technicien-electronique"],
        ),
        choice(
            "Que vérifie le contrôleur qualité sur chaque phare ?",
            [
                ("Seulement sa couleur", False),
                ("Son faisceau, son étanchéité et son aspect", True),
                ("Rien : les robots ne se trompent jamais", False),
            ],
            "Chaque phare est allumé et son faisceau mesuré. Il ne doit ni laisser entrer la "
            "pluie, ni avoir une rayure.",
            ["controleur-qualite"],
        ),
        true_false(
            "Dans l'usine de phares, des robots aident les opérateurs.",
            True,
            "Les robots collent ou soudent la glace, les opérateurs les surveillent et les "
            "techniciens de maintenance les gardent en forme.",
            ["plasturgiste", "technicien-maintenance"],
        ),
    ],
)

DEMO_QUIZZES = [QUIZ_PILE, QUIZ_ECLAIRAGE]


# --- building the pages ----------------------------------------------------------------------


def quiz_stream(quiz: DemoQuiz, metiers: dict[str, MetierPage]) -> list[dict]:
    questions = [
        {**question, "metiers": [{"id": metiers[slug].pk} for slug in question["metiers"]]}
        for question in quiz.questions
    ]
    stream = QuestionsBlock.raw_from_engine(questions)
    if quiz.objet == "pile-a-combustible":
        # The first question shows its picture on the class screen and the phones.
        stream[0]["value"]["image"] = demo_pictures.fuel_cell_picture().pk
    return stream


def ensure_games(index, ensure_game, stdout=None) -> list[str]:
    """A quiz and a parcours for each demo objet, created when missing; the slugs created now."""
    wanted = {slug for quiz in DEMO_QUIZZES for q in quiz.questions for slug in q["metiers"]}
    metiers = {m.slug: m for m in MetierPage.objects.live().filter(slug__in=wanted)}
    created = []
    for quiz in DEMO_QUIZZES:
        objet = ObjetPage.objects.live().filter(slug=quiz.objet).first()
        if objet is None or not wanted <= metiers.keys():
            if stdout:
                stdout.write(f"Jeux : objet « {quiz.objet} » ou ses fiches absents, jeux ignorés.")
            continue
        _page, new = ensure_game(
            index,
            ParcoursPage,
            f"parcours-{quiz.objet}",
            title=f"De A à Z : {objet.title}",
            objet=objet,
            introduction=(
                f"Suis l'objet « {objet.title} » étape par étape et devine quel métier "
                "intervient à chaque fois."
            ),
        )
        created += [f"parcours-{quiz.objet}"] if new else []
        _page, new = ensure_game(
            index,
            QuizPage,
            f"quiz-{quiz.objet}",
            title=quiz.title,
            introduction=quiz.introduction,
            questions=quiz_stream(quiz, metiers),
        )
        created += [f"quiz-{quiz.objet}"] if new else []
    return created
