"""The CSV reader: headers, physical lines, fields and versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from metiers.rome.errors import RomeFormatError
from metiers.rome.reader import HEADERS, RomeFile, find_files


def _file(directory: Path, name: str) -> RomeFile:
    return find_files(directory).open(name)


def _write(tmp_path: Path, name: str, content: str) -> RomeFile:
    path = tmp_path / f"unix_{name}_v460_utf8.csv"
    path.write_text(content, encoding="utf-8")
    return RomeFile(path, HEADERS[name])


def test_error_message_names_file_and_line():
    error = RomeFormatError(Path("/x/unix_texte_v460_utf8.csv"), 42, "champ vide")
    assert str(error) == "unix_texte_v460_utf8.csv, ligne 42 : champ vide"
    assert (error.line, error.message) == (42, "champ vide")
    assert str(RomeFormatError(Path("/x/y.csv"), None, "absent")) == "y.csv : absent"


def test_rows_give_start_line_after_multiline_field(rome_dir):
    rows = list(_file(rome_dir, "centre_interet").rows())
    # Ligne 1 : en-tête ; 2-4 : premier enregistrement ; 5 : ligne vide.
    assert [row.line for row in rows] == [2, 6, 7]
    assert rows[0].fields["definition_centre_interet"].count("\n") == 2
    assert rows[1].fields["definition_centre_interet"] == (
        'Démonter pour "voir dedans", c\'est votre truc ?'
    )


def test_rows_are_dicts_keyed_by_header(rome_dir):
    first = next(iter(_file(rome_dir, "rubrique_mobilite").rows()))
    assert first.line == 2
    assert first.fields == {"code_rome": "H2901", "code_rome_cible": "H2903", "numero_ordre": "2"}


def test_every_fixture_file_matches_its_header(rome_dir):
    files = find_files(rome_dir)
    assert set(files.paths) == set(HEADERS)
    for name in HEADERS:
        assert list(files.open(name).rows())


def test_unexpected_header_lists_expected_and_found(tmp_path):
    f = _write(tmp_path, "rubrique_mobilite", '"code_rome","cible","numero_ordre"\n')
    with pytest.raises(RomeFormatError) as info:
        list(f.rows())
    message = str(info.value)
    assert message.startswith("unix_rubrique_mobilite_v460_utf8.csv, ligne 1 : en-tête inattendu")
    assert "attendues : code_rome, code_rome_cible, numero_ordre" in message
    assert "trouvées : code_rome, cible, numero_ordre" in message
    assert "manquantes : code_rome_cible" in message
    assert "en trop : cible" in message


def test_header_in_wrong_order_is_refused(tmp_path):
    f = _write(tmp_path, "grand_domaine", '"libelle_grand_domaine","code_grand_domaine"\n')
    with pytest.raises(RomeFormatError, match="ordre différent"):
        list(f.rows())


def test_wrong_column_count(tmp_path):
    f = _write(
        tmp_path,
        "rubrique_mobilite",
        '"code_rome","code_rome_cible","numero_ordre"\n"H2901","H2902","1"\n"H2901","H2903"\n',
    )
    with pytest.raises(RomeFormatError) as info:
        list(f.rows())
    assert info.value.line == 3
    assert "3 champs attendus, 2 trouvés" in str(info.value)


def test_malformed_quoting_is_an_error_with_its_line(tmp_path):
    f = _write(
        tmp_path,
        "grand_domaine",
        '"code_grand_domaine","libelle_grand_domaine"\n"H","Indus"trie"\n',
    )
    with pytest.raises(RomeFormatError, match="CSV mal formé") as info:
        list(f.rows())
    assert info.value.line == 2


def test_unterminated_field_reports_where_it_starts(tmp_path):
    f = _write(
        tmp_path,
        "grand_domaine",
        '"code_grand_domaine","libelle_grand_domaine"\n"H","Industrie"\n"K","Serv\nices\n',
    )
    with pytest.raises(RomeFormatError) as info:
        list(f.rows())
    assert info.value.line == 3


def test_invalid_utf8(tmp_path):
    path = tmp_path / "unix_grand_domaine_v460_utf8.csv"
    path.write_bytes(b'"code_grand_domaine","libelle_grand_domaine"\n"H","Industrie \xe9"\n')
    with pytest.raises(RomeFormatError, match="UTF-8"):
        list(RomeFile(path, HEADERS["grand_domaine"]).rows())


def test_empty_file(tmp_path):
    f = _write(tmp_path, "grand_domaine", "")
    with pytest.raises(RomeFormatError, match="fichier vide"):
        list(f.rows())


def test_field_converters(tmp_path):
    f = _write(
        tmp_path,
        "rubrique_mobilite",
        '"code_rome","code_rome_cible","numero_ordre"\n"H29O1","","x2"\n',
    )
    (row,) = f.rows()
    with pytest.raises(
        RomeFormatError, match=r"ligne 2 : code_rome : code ROME « H29O1 » mal formé"
    ):
        f.code_rome(row)
    with pytest.raises(RomeFormatError, match="champ code_rome_cible vide"):
        f.code_rome(row, "code_rome_cible")
    with pytest.raises(RomeFormatError, match="« x2 » n'est pas un entier"):
        f.integer(row, "numero_ordre")
    assert f.optional_integer(row, "code_rome_cible") is None
    assert f.optional_text(row, "code_rome_cible") is None


@pytest.mark.parametrize("code", ["H2901", "A1101", "N4105"])
def test_valid_codes(tmp_path, code):
    f = _write(
        tmp_path,
        "rubrique_mobilite",
        f'"code_rome","code_rome_cible","numero_ordre"\n"{code}","{code}","7"\n',
    )
    (row,) = f.rows()
    assert f.code_rome(row) == code
    assert f.integer(row, "numero_ordre") == 7


@pytest.mark.parametrize("code", ["O1234", "h2901", "H290", "H29011", "H 2901"])
def test_invalid_codes(tmp_path, code):
    f = _write(
        tmp_path,
        "rubrique_mobilite",
        f'"code_rome","code_rome_cible","numero_ordre"\n"{code}","H2901","7"\n',
    )
    (row,) = f.rows()
    with pytest.raises(RomeFormatError, match="mal formé"):
        f.code_rome(row)


def test_files_found_for_any_version(tmp_path, rome_dir):
    for path in rome_dir.iterdir():
        shutil.copy(path, tmp_path / path.name.replace("_v460_", "_v461_"))
    files = find_files(tmp_path)
    assert files.version == "461"
    assert files.open("texte").name == "unix_texte_v461_utf8.csv"


def test_mixed_versions_are_refused(tmp_path, rome_dir):
    shutil.copytree(rome_dir, tmp_path / "rome")
    shutil.copy(
        rome_dir / "unix_texte_v460_utf8.csv", tmp_path / "rome" / "unix_texte_v461_utf8.csv"
    )
    with pytest.raises(RomeFormatError, match="plusieurs versions du ROME mélangées : v460, v461"):
        find_files(tmp_path / "rome")


def test_missing_directory_and_empty_directory(tmp_path):
    with pytest.raises(RomeFormatError, match="dossier introuvable"):
        find_files(tmp_path / "absent")
    with pytest.raises(RomeFormatError, match="aucun fichier"):
        find_files(tmp_path)
