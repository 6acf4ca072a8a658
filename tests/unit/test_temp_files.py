"""Which temporary files a sweep removes: a dead writer's, an old one of another host; never a live one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from gebiedsplugin.toolbelt.temp_files import MARKER, OTHER_HOST_MAX_AGE, host_tag, is_temp_name, new_temp, sweep_stale


def temp_name(final: str, host: str, pid: int, suffix: str = ".gpkg") -> str:
    return ".{}.{}-{}-{}-0a1b2c3d{}".format(final, MARKER, host, pid, suffix)


def sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_sweep_removes_what_lost_its_writer_and_keeps_the_rest(tmp_path):
    dead, live = sleeper(), sleeper()
    try:
        os.kill(dead.pid, signal.SIGKILL)
        dead.wait()
        names = {
            "dead": temp_name("a.gpkg", host_tag(), dead.pid),
            "dead_journal": temp_name("a.gpkg", host_tag(), dead.pid) + "-journal",
            "dead_dir": temp_name("map", host_tag(), dead.pid, ".d"),
            "live": temp_name("b.gpkg", host_tag(), live.pid),
            "mine": new_temp(tmp_path / "c.pdf").name,
            "other_host_fresh": temp_name("d.gpkg", "elsewhere", dead.pid),
            "other_host_old": temp_name("e.gpkg", "elsewhere", live.pid),
            "users_own": ".a.gpkg.backup",
            "users_visible": "{}-{}-{}-1.txt".format(MARKER, host_tag(), dead.pid),
        }
        for key, name in names.items():
            if key == "dead_dir":
                (tmp_path / name).mkdir()
                (tmp_path / name / "programme_map_city.pdf").write_bytes(b"%PDF")
            elif key != "mine":
                (tmp_path / name).write_bytes(b"x")
        old = time.time() - OTHER_HOST_MAX_AGE - 60
        os.utime(tmp_path / names["other_host_old"], (old, old))

        removed = {os.path.basename(p) for p in sweep_stale(tmp_path)}

        gone = {"dead", "dead_journal", "dead_dir", "other_host_old"}
        assert removed == {names[k] for k in gone}
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[k] for k in names if k not in gone)
    finally:
        live.kill()
        live.wait()


def test_temp_names_carry_the_marker_and_the_writer(tmp_path):
    path = new_temp(tmp_path / "programme.gpkg", create="")
    assert path.suffix == ".gpkg" and not path.exists()
    assert is_temp_name(path.name) and "-{}-{}-".format(host_tag(), os.getpid()) in path.name
    folder = new_temp(tmp_path / "export", suffix=".d", create="dir")
    assert folder.is_dir() and is_temp_name(folder.name)
    assert sweep_stale(tmp_path) == []  # this process is alive: its own are kept
