// Byte-compile a folder of Python files with the browser's own Python (Pyodide under Node).
// Usage: node build_steps/pyodide_compile.mjs PYODIDE_DIR STAGING_DIR
// Writes NAME.pyc beside each NAME.py in STAGING_DIR (compileall's legacy layout),
// so the browser imports bytecode and never compiles the sources itself.
import { loadPyodide } from "pyodide";

const [pyodideDir, stagingDir] = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.mountNodeFS("/staging", stagingDir);
const failures = pyodide.runPython(`
import compileall, py_compile
# Stamped with the source's hash, not its time, so the same sources make the same bytes.
ok = compileall.compile_dir("/staging", quiet=1, legacy=True, workers=1,
                            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
"" if ok else "some files did not compile"
`);
if (failures) {
  console.error(failures);
  process.exit(1);
}
console.log("byte-compiled with Python", pyodide.runPython("import sys; sys.version.split()[0]"));
