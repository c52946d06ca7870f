"""The CLI's start-up path must not pull in the model stack or the library (measured in benchmarks/)."""

import subprocess
import sys


def test_help_imports_no_heavy_modules():
    probe = (
        "import sys\nsys.argv = ['drafter', '--help']\nfrom drafter.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('openai', 'instructor', 'tiktoken', 'pydantic', 'docx') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "Commands:" in out
    assert out.strip().splitlines()[-1] == "HEAVY="
