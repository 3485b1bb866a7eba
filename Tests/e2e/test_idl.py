"""The org.riskd.* IDL files against the frozen contract and against riskd-varlink(7), read by the python `varlink`
parser. Everything read here is in the repository.

The python parser is a second, independent reader of the IDL (riskd's own only picks out names), so a
file that it rejects would break every python client. The contract may be extended, never broken: the
IDL may add optional parameters, reply fields, types, methods and errors, but every method, type and
error of the contract must be there with the same field names and types.

The contract is a snapshot the project keeps as a test fixture, Tests/e2e/contract/org.riskd.*.varlink: the
methods, types and errors that riskctl, the tests and third-party clients rely on. It changes only by adding to it.
"""

import re
from pathlib import Path

import pytest
import varlink
from varlink.scanner import _Alias, _Array, _CustomType, _Dict, _Enum, _Error, _Maybe, _Method, _Object, _Struct

REPO = Path(__file__).resolve().parents[2]
IDL_DIR = REPO / "Sources" / "RiskProtocol" / "IDL"
CONTRACT_DIR = Path(__file__).resolve().parent / "contract"
MANUAL = REPO / "man" / "riskd-varlink.7"
# The interfaces are the IDL files: each must parse, match its contract and its manual.
INTERFACES = sorted(path.name[len("org.riskd."):-len(".varlink")] for path in IDL_DIR.glob("org.riskd.*.varlink"))


def contract_sections():
    """Maps each interface of the contract snapshot to its text without the `interface` line."""
    sections = {}
    for path in sorted(CONTRACT_DIR.glob("org.riskd.*.varlink")):
        text = path.read_text(encoding="utf-8")
        name = re.search(r"^interface (\S+)$", text, re.M)
        assert name and name.group(1) == path.stem, "%s does not declare interface %s" % (path, path.stem)
        sections[path.stem] = text[name.end():]
    assert sections, "no contract in %s" % CONTRACT_DIR
    return sections


def top_level_fields(text):
    """Names of the fields of a parenthesised list given without its outer parentheses."""
    names, depth, start = [], 0, 0
    for index, char in enumerate(text + ","):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            item = text[start:index].strip()
            if item:
                names.append(item.split(":", 1)[0].strip())
            start = index + 1
    return names


def balanced(text, open_index):
    """The text inside the parentheses that open at open_index, and the index after the closing one."""
    depth = 0
    for index in range(open_index, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return text[open_index + 1:index], index + 1
    raise AssertionError("unbalanced parentheses after %r" % text[open_index:open_index + 40])


def contract_methods(sketch):
    """(method, parameter names, reply names) for every `method Name(` line of a sketch."""
    code = re.sub(r"#[^\n]*", "", sketch)
    methods = []
    for match in re.finditer(r"^method (\w+)\(", code, re.M):
        parameters, after = balanced(code, match.end() - 1)
        arrow = re.match(r"\s*->\s*", code[after:])
        assert arrow, "method %s has no `->`" % match.group(1)
        reply, _ = balanced(code, after + arrow.end())
        methods.append((match.group(1), top_level_fields(parameters), top_level_fields(reply)))
    return methods


def read_idl(short):
    return (IDL_DIR / ("org.riskd.%s.varlink" % short)).read_text(encoding="utf-8")


def type_string(t, enums=None):
    """A canonical spelling of a parsed varlink type, for comparing two declarations.

    `enums` maps the names of the interface's enum types to their values: a field typed by a named enum
    (`severity: Severity`) is spelled as its values, as the contract writes it inline (`(low, medium, …)`).
    """
    enums = enums or {}
    if isinstance(t, _Maybe):
        return "?" + type_string(t.element_type, enums)
    if isinstance(t, _Array):
        return "[]" + type_string(t.element_type, enums)
    if isinstance(t, _Dict):
        return "[string]" + type_string(t.element_type, enums)
    if isinstance(t, _CustomType):
        return "(" + ", ".join(enums[t.name]) + ")" if t.name in enums else t.name
    if isinstance(t, _Enum):
        return "(" + ", ".join(t.fields) + ")"
    if isinstance(t, _Struct):
        return "(" + ", ".join("%s: %s" % (k, type_string(v, enums)) for k, v in t.fields.items()) + ")"
    if isinstance(t, _Object):
        return "object"
    if isinstance(t, set):
        return "[string]()"
    return type(t).__name__  # bool, int, float, str


@pytest.fixture(scope="module")
def sections():
    return contract_sections()


def test_every_idl_file_is_one_of_the_interfaces():
    assert INTERFACES, "no IDL in %s" % IDL_DIR
    assert sorted(p.name for p in IDL_DIR.glob("*.varlink")) == sorted(
        "org.riskd.%s.varlink" % short for short in INTERFACES)


@pytest.mark.parametrize("short", INTERFACES)
def test_idl_parses_with_python_varlink(short):
    interface = varlink.Interface(read_idl(short))
    assert interface.name == "org.riskd." + short


@pytest.mark.parametrize("short", INTERFACES)
def test_names_are_unique_in_the_shared_namespace(short):
    # python varlink keeps types, methods and errors in one table, so a clash silently drops a member.
    names = re.findall(r"^(?:type|method|error) (\w+)", read_idl(short), re.M)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


@pytest.mark.parametrize("short", INTERFACES)
def test_every_declaration_and_field_has_a_comment(short):
    lines = read_idl(short).split("\n")
    undocumented = []
    for number, line in enumerate(lines):
        declaration = re.match(r"^(interface|type|method|error) ", line)
        field = re.match(r"^\s+\w+: ", line)
        if (declaration or field) and (number == 0 or not lines[number - 1].lstrip().startswith("#")):
            undocumented.append("%d: %s" % (number + 1, line.strip()))
    assert not undocumented, undocumented


def test_contract_names_every_interface(sections):
    assert sorted(sections) == sorted("org.riskd." + short for short in INTERFACES)


@pytest.mark.parametrize("short", INTERFACES)
def test_every_contract_method_is_declared_with_its_field_names(short, sections):
    interface = varlink.Interface(read_idl(short))
    methods = contract_methods(sections["org.riskd." + short])
    assert methods, "no methods in the contract for org.riskd." + short
    for name, parameters, reply in methods:
        method = interface.members.get(name)
        assert isinstance(method, _Method), "org.riskd.%s.%s is missing" % (short, name)
        declared_parameters = list(method.in_type.fields)
        declared_reply = list(method.out_type.fields)
        assert declared_parameters[:len(parameters)] == parameters, (name, declared_parameters)
        assert declared_reply[:len(reply)] == reply, (name, declared_reply)


@pytest.mark.parametrize("short", INTERFACES)
def test_idl_extends_the_contract_without_breaking_it(short, sections):
    contract = varlink.Interface("interface org.riskd.%s\n%s" % (short, sections["org.riskd." + short]))
    interface = varlink.Interface(read_idl(short))
    enums = {name: list(member.type.fields) for name, member in interface.members.items()
             if isinstance(member, _Alias) and isinstance(member.type, _Enum)}
    for name, expected in contract.members.items():
        actual = interface.members.get(name)
        assert type(actual) is type(expected), "%s: %s in the contract, %r in the IDL" % (
            name, type(expected).__name__, actual)
        if isinstance(expected, _Method):
            pairs = [("parameters", expected.in_type, actual.in_type), ("reply", expected.out_type, actual.out_type)]
        else:
            pairs = [("fields", expected.type, actual.type)]
        for part, want, have in pairs:
            if not isinstance(want, _Struct):
                assert type_string(have, enums) == type_string(want), (name, part)
                continue
            for field, field_type in want.fields.items():
                assert field in have.fields, "%s %s: `%s` is missing" % (name, part, field)
                assert type_string(have.fields[field], enums) == type_string(field_type), (name, part, field)
            if part == "parameters":
                added = [f for f in have.fields if f not in want.fields and not isinstance(have.fields[f], _Maybe)]
                assert not added, "%s: an added parameter must be optional: %s" % (name, added)


# The Swift side of each interface is generated from its IDL at build time (Plugins/VarlinkCodegen), so there is
# no hand-written mirror left to compare; the generator's own tests (Tests/VarlinkIDLTests) check what it makes.


def manual_interface_methods(source):
    """{interface: set of method names} from the `.Ss org.riskd.X` subsections of the manual's INTERFACES."""
    section = re.search(r"^\.Sh INTERFACES\n(.*?)(?=^\.Sh )", source, re.M | re.S)
    assert section, "riskd-varlink(7) has no INTERFACES section"
    methods = {}
    for name, body in re.findall(r"^\.Ss (org\.riskd\.\w+)\n(.*?)(?=^\.Ss |\Z)", section.group(1), re.M | re.S):
        names = set()
        for line in re.findall(r"^\.It Ql ([^\n]+)$", body, re.M):
            names.update(n.strip() for n in line.split(",") if re.fullmatch(r"[A-Z]\w*", n.strip()))
        methods[name] = names
    return methods


@pytest.mark.parametrize("short", INTERFACES)
def test_manual_describes_every_method_of_the_idl(short):
    """riskd-varlink(7) lists each interface's methods; a method added to the IDL must be described there too."""
    listed = manual_interface_methods(MANUAL.read_text(encoding="utf-8")).get("org.riskd." + short)
    assert listed is not None, "riskd-varlink(7) has no subsection org.riskd.%s" % short
    interface = varlink.Interface(read_idl(short))
    declared = {name for name, member in interface.members.items() if isinstance(member, _Method)}
    assert declared == listed, "IDL only: %s; manual only: %s" % (sorted(declared - listed), sorted(listed - declared))


# A design folder beside a developer's checkout is not in a user's clone; spelt in pieces so that this file does
# not name it itself.
OUTSIDE = re.compile(r"parents\[[3-9]\]|" + re.escape("../" + "shared") + "|" + "RISKD_" + "SHARED")
TEXT_SUFFIXES = {".py", ".swift", ".md", ".sh", ".c", ".toml", ".varlink", ".service", ".socket", ".catalog", ""}


def test_nothing_in_the_repository_reads_outside_it():
    """A fresh clone has nothing beside it: no source, test, script or document names a path above it."""
    outside = []
    for path in sorted(REPO.rglob("*")):
        relative = path.relative_to(REPO)
        if not path.is_file() or relative.parts[0].startswith((".build", ".git")) or "fuzz" in relative.parts[:2]:
            continue
        if path.suffix not in TEXT_SUFFIXES and not path.name.endswith((".1", ".5", ".7", ".8")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        outside += ["%s:%d" % (relative, n) for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert not outside, outside
