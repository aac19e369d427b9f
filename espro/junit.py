"""What espro adds to the junit.xml pytest writes: the findings beyond the guide, as a test suite
of their own, so that a CI tool counts them apart from the scenarios. A finding that fails the run
(the profile's findings.fail_on) is a failure there; any other is skipped, with what was seen."""

from pathlib import Path
from xml.etree import ElementTree

from espro.findings import SEVERITY_FR, fails

SUITE = "constats au-delà du guide"


def add_findings(path: Path, section: dict) -> None:
    tree = ElementTree.parse(path)
    root = tree.getroot()
    if root.tag != "testsuites":  # pytest's xunit1 family writes a lone <testsuite>
        wrapper = ElementTree.Element("testsuites")
        wrapper.append(root)
        root, tree = wrapper, ElementTree.ElementTree(wrapper)
    items, failing = section["items"], section["failing"]
    suite = ElementTree.SubElement(root, "testsuite", name=SUITE, tests=str(len(items)),
                                   failures=str(failing), errors="0", skipped=str(len(items) - failing))
    for item in items:
        case = ElementTree.SubElement(suite, "testcase", classname=f"constats.{item['standard']}",
                                      name=f"{item['criterion']} {item['page']} : {item['message']}")
        what = f"{SEVERITY_FR.get(item['severity'], item['severity'])} : {item['title']} ({item['check']})"
        detail = "\n".join([item["message"], *item.get("elements", []), item.get("help_url", "")]).strip()
        ElementTree.SubElement(case, "failure" if fails(item, section["fail_on"]) else "skipped", message=what).text = detail
    tree.write(path, encoding="utf-8", xml_declaration=True)
