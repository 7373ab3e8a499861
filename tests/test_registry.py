"""The rule registry imports only the modules of selected rules, and finds every rule's code without
importing its module."""

import subprocess
import sys

from checker.rules import REGISTRY, _rule_modules, all_rules


def test_declared_codes_are_the_registered_codes():
    declared = {code for codes in _rule_modules().values() for code in codes}
    assert declared == {rule.code for rule in all_rules()} == set(REGISTRY)


def test_selecting_name_rules_imports_no_other_rule_module():
    code = ("import sys; from checker.rules import selected_rules; "
            "rules = selected_rules(lambda c: c.startswith('NAME')); "
            "print(sorted(r.code for r in rules)); "
            "print(sorted(m for m in sys.modules if m.startswith('checker.rules.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    codes, modules = out.splitlines()
    assert codes == str(sorted(r.code for r in all_rules() if r.code.startswith('NAME')))
    assert modules == "['checker.rules.names']"
