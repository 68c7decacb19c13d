"""Install files agree, the package stays light to import, and the README gives one command each."""

import re
import subprocess
import sys

import tomllib

from coursetools import course

ROOT = course.ROOT


def requirement_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_requirements_and_environment_yml_pin_the_same_versions():
    requirements = requirement_lines((ROOT / "requirements.txt").read_text())
    environment = [
        line.strip()[2:].strip()
        for line in (ROOT / "environment.yml").read_text().split("- pip:")[1].splitlines()
        if line.strip().startswith("- ")
    ]
    assert requirements == environment
    for line in requirements:
        assert line == "-e ." or re.match(r"^[\w.\-\[\]]+==[\w.+]+(;.*)?$", line), f"not an exact pin: {line}"


def test_package_requires_ranges_not_pins_so_colab_keeps_its_stack():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert all("==" not in dependency for dependency in project["dependencies"])
    assert not any(d.startswith("tensorflow") for d in project["dependencies"])
    assert all("==" in dependency for dependency in project["optional-dependencies"]["frameworks"])


def test_import_is_fast_and_loads_neither_tensorflow_nor_matplotlib():
    code = (
        "import sys, time; t = time.perf_counter(); import course_utils; dt = time.perf_counter() - t; "
        "print(dt, 'tensorflow' in sys.modules, 'matplotlib' in sys.modules, 'keras' in sys.modules)"
    )
    seconds, tensorflow, matplotlib, keras = subprocess.check_output([sys.executable, "-c", code], text=True).split()
    assert (tensorflow, matplotlib, keras) == ("False", "False", "False")
    assert float(seconds) < 0.3


def test_readme_gives_one_install_command_and_the_two_test_commands_ci_runs():
    readme = (ROOT / "README.md").read_text()
    assert readme.count("pip install -r requirements.txt") == 1
    test_commands = set(re.findall(r"^\s*(python -m pytest[^\n#]*?)\s*(?:#.*)?$", readme, re.M))
    assert test_commands == {"python -m pytest", "python -m pytest -m slow"}, test_commands
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install -r requirements.txt" in ci
    assert re.search(r"^python -m pytest$", ci, re.M) and re.search(r"^python -m pytest -m slow$", ci, re.M)


def test_the_wheel_holds_course_utils_only(tmp_path):
    """What Colab installs for every student: the package the notebooks import, not the course's machinery."""
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("course_utils-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packages = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert packages == {"course_utils"}, packages
    metadata = next(n for n in names if n.endswith("METADATA"))
    requires = [line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines() if "Requires-Dist" in line]
    assert not any(name in line for line in requires for name in ("nbformat", "papermill", "nbclient")), requires


def test_unknown_attribute_error_is_clear():
    import course_utils

    try:
        course_utils.not_a_helper  # noqa: B018 - the attribute access is what is tested
    except AttributeError as error:
        assert "not_a_helper" in str(error)
    else:
        raise AssertionError("expected AttributeError")
