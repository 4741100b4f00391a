"""The allow-list every imported text goes through before it reaches a page."""

from metiers.sanitize import clean_html, text_to_html


def test_scripts_event_handlers_and_javascript_links_are_removed():
    dirty = (
        '<p onclick="steal()">Bonjour<script>alert(1)</script><SCRIPT src="x.js"></SCRIPT>'
        '<a href="javascript:alert(2)">piège</a><a href="JaVaScRiPt:alert(3)">bis</a>'
        '<img src="x" onerror="alert(4)"><style>p{}</style><iframe src="https://evil"></iframe></p>'
    )
    clean = clean_html(dirty)
    for forbidden in (
        "script",
        "alert",
        "onclick",
        "onerror",
        "javascript",
        "<img",
        "<style",
        "iframe",
        "steal",
    ):
        assert forbidden not in clean.lower(), forbidden
    assert clean.startswith("<p>Bonjour")


def test_allowed_tags_and_links_are_kept():
    html = (
        "<h3>Titre</h3><h4>Sous-titre</h4><p>Un <strong>fort</strong>, <b>gras</b>, <em>en</em> "
        "<i>italique</i><br></p><ul><li>a</li></ul><ol><li>b</li></ol>"
        '<p><a href="https://www.francetravail.fr">site</a> <a href="mailto:contact@example.org">écrire</a></p>'
    )
    assert clean_html(html) == html


def test_disallowed_tags_keep_their_text_and_attributes_go():
    assert clean_html(
        '<div class="x"><h1>Grand</h1><p style="color:red" id="p">texte</p></div>'
    ) == ("Grand<p>texte</p>")
    assert clean_html('<a href="https://a.fr" target="_blank" onclick="x">lien</a>') == (
        '<a href="https://a.fr">lien</a>'
    )
    assert clean_html('<a href="ftp://a.fr">ftp</a>') == "<a>ftp</a>"
    assert clean_html("") == "" and clean_html(None) == ""


def test_plain_text_is_escaped_into_paragraphs():
    assert text_to_html("Soudure & découpe < 2 mm\nen atelier\n\nDeuxième") == (
        "<p>Soudure &amp; découpe &lt; 2 mm<br>en atelier</p><p>Deuxième</p>"
    )
    assert text_to_html(["<script>x</script>", "", "  Fin  "]) == (
        "<p>&lt;script&gt;x&lt;/script&gt;</p><p>Fin</p>"
    )
    assert text_to_html("") == ""
