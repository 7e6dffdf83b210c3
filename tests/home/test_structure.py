"""The one-way structure: every foreign key and many-to-many field points to its own app, an app
beside it, or one below it, in the layers pyproject.toml gives import-linter (which checks the
imports)."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings


def layer_of():
    """{app name: its height}, from the layers contract: home is 0."""
    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    heights = {}
    for height, layer in enumerate(reversed(contract["layers"])):
        for name in layer.split("|"):
            heights[name.strip()] = height
    return heights


def test_every_relation_points_the_same_way_as_the_imports():
    heights = layer_of()
    assert set(heights) == set(settings.LOCAL_APPS)
    wrong = []
    for model in apps.get_models():
        source = model._meta.app_config.name
        if source not in heights:
            continue
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.related_model):
                continue
            target = field.related_model._meta.app_config.name
            if target in heights and heights[target] > heights[source]:
                wrong.append(
                    f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
                )
    assert wrong == []


def test_the_layers_are_the_apps_in_the_order_their_starters_run():
    """setup_partnership runs each app's starter in the order of LOCAL_APPS, after the apps
    it refers to: the same order as the layers, upwards."""
    heights = layer_of()
    order = [heights[name] for name in settings.LOCAL_APPS]
    assert order == sorted(order)


def test_no_module_imports_one_that_imports_it_back():
    """Not even lazily, inside a function: a model's route calls a view module that takes what it
    needs from the page, and imports none of its app's models."""
    import grimp

    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    packages = config["tool"]["importlinter"]["root_packages"]
    graph = grimp.build_graph(*packages, cache_dir=None)
    ours = [module for module in graph.modules if ".migrations" not in module]
    cycles = sorted(
        f"{importer} <-> {imported}"
        for importer in ours
        for imported in graph.find_modules_directly_imported_by(importer)
        if ".migrations" not in imported
        and graph.chain_exists(importer=imported, imported=importer)
    )
    assert cycles == []


def test_home_names_no_feature_app_even_by_a_model_string():
    """A chooser of "campaigns.ReportingRoute" in home/ is the same coupling as an import: a
    feature adds its blocks to page bodies through the registry instead."""
    import re

    features = [app for app in settings.LOCAL_APPS if app != "home"] + ["events"]
    by_name = re.compile(r"""["'](?:""" + "|".join(features) + r""")\.[A-Za-z]""")
    home = Path(settings.BASE_DIR) / "home"
    named = [
        f"{path.relative_to(home)}:{number}"
        for path in home.rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if by_name.search(line)
    ]
    assert named == []
