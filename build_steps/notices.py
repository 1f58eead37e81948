"""The build's `write_notices` step: notices.html, naming every third-party package the site
ships (name, version, licence) with its licence text copied into licences/.

Read from what is shipped, not from a list kept by hand: the dist-info of every package in
static/python.zip and of every compiled wheel in static/pyodide/, and package.json of the
npm packages the site serves files from. The course's own licence comes first.
"""

import email
import json
import shutil
import zipfile
from pathlib import Path

from build_steps.pages import CONTENT_SECURITY_POLICY, templates
from build_steps.runtime import NPM_SHIPPED, PYODIDE_VERSION, ROOT
from dlviz.course import available_lessons

NOTICES = "notices.html"
LICENCES = "licences"
LICENCE_NAMES = ("LICEN", "COPYING", "NOTICE", "AUTHORS")
RUNTIME_NOTICES = [
    {
        "name": "CPython standard library", "version": "3.13 (in Pyodide " + PYODIDE_VERSION + ")",
        "licence": "PSF-2.0", "texts": [], "url": "https://docs.python.org/3.13/license.html",
    },
    {
        "name": "Emscripten runtime (in pyodide.asm.js)", "version": "as built into Pyodide " + PYODIDE_VERSION,
        "licence": "MIT OR NCSA", "texts": [], "url": "https://github.com/emscripten-core/emscripten/blob/main/LICENSE",
    },
]
"""Parts of the runtime that carry no licence file of their own in what the site ships."""


def licence_of(metadata):
    """The licence a package's core metadata states: its SPDX expression, a short License
    field, or else its licence classifiers."""
    if metadata.get("License-Expression"):
        return metadata["License-Expression"]
    field = (metadata.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [
        value.split("::")[-1].strip() for value in metadata.get_all("Classifier") or [] if value.startswith("License ::")
    ]
    return " / ".join(classifiers) or "see its licence text"


def archive_notices(archive):
    """(name, version, licence, {member: bytes}, None) for each dist-info in the zip `archive`."""
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        found = []
        for member in sorted(name for name in names if name.endswith(".dist-info/METADATA")):
            dist_info = member.rsplit("/", 1)[0] + "/"
            metadata = email.message_from_bytes(opened.read(member))
            texts = {
                name: opened.read(name) for name in names
                if name.startswith(dist_info) and any(word in name.rsplit("/", 1)[-1].upper() for word in LICENCE_NAMES)
            }
            found.append((metadata["Name"], metadata["Version"], licence_of(metadata), texts, None))
        return found


def npm_notice(package):
    """(name, version, licence, {file: bytes}, url) of the npm package `package` in node_modules;
    `url` is where its licence text is when the package carries none."""
    folder = ROOT / "node_modules" / package
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    texts = {
        path.name: path.read_bytes() for path in sorted(folder.iterdir())
        if path.is_file() and any(word in path.name.upper() for word in LICENCE_NAMES)
    }
    repository = manifest.get("repository", {})
    repository = repository.get("url", "") if isinstance(repository, dict) else repository
    url = None if texts else repository.removeprefix("git+").removesuffix(".git") + f"/blob/{manifest['version']}/LICENSE"
    return manifest["name"], manifest["version"], manifest.get("license", "see its licence text"), texts, url


def shipped_notices(out):
    """Every third-party package the site in `out` ships, each once, sorted by name."""
    found = archive_notices(out / "static" / "python.zip")
    for wheel in sorted((out / "static" / "pyodide").glob("*.whl")):
        found += archive_notices(wheel)
    found += [npm_notice(package) for package in NPM_SHIPPED]
    unique = {(notice[0].lower(), notice[1]): notice for notice in found}
    return [unique[key] for key in sorted(unique)]


def write_licence_texts(out, name, version, texts):
    """Copy a package's licence texts to licences/<name>-<version>/; return their site URLs."""
    folder = out / LICENCES / f"{name.lower()}-{version}"
    urls = []
    for member, data in texts.items():
        path = folder / member.rsplit("/", 1)[-1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        urls.append(path.relative_to(out).as_posix())
    return urls


def write_notices(out, version="", lessons=None, **_):
    """Write notices.html and licences/ into `out`; return the files written."""
    out = Path(out)
    own = out / LICENCES / "deep-learning-visually" / "LICENSE"
    own.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "LICENSE", own)
    packages = [
        {"name": name, "version": package_version, "licence": licence,
         "texts": write_licence_texts(out, name, package_version, texts), "url": url}
        for name, package_version, licence, texts, url in shipped_notices(out)
    ]
    page = templates().get_template(NOTICES).render(
        packages=packages + RUNTIME_NOTICES, own=own.relative_to(out).as_posix(), version=version,
        lessons=[lesson for lesson in available_lessons() if lessons is None or lesson.slug in lessons],
        csp=CONTENT_SECURITY_POLICY, slug="", scripts={"head": [], "learner": []},
        title="Licences and third-party notices", description="The licences of the course and of what it ships.",
    )
    (out / NOTICES).write_text(page, encoding="utf-8")
    return [out / NOTICES, *sorted((out / LICENCES).rglob("*.*"))]
