"""gebiedsplugin:generate_sample: Voorbeeldstad, a seeded sample programme with planted cases."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from gebiedsplugin.processing_provider.base import BaseAlgorithm
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.toolbelt.files import write_text
from gebiedsplugin.toolbelt.i18n import tr


class GenerateSampleAlgorithm(BaseAlgorithm):
    NAME = "generate_sample"
    OUTPUT, SEED, INTERVENTIONS, PROJECTS, OVERWRITE, MANIFEST = (
        "OUTPUT", "SEED", "INTERVENTIONS", "PROJECTS", "OVERWRITE", "MANIFEST")

    def display(self) -> str:
        return tr("Generate sample city (Voorbeeldstad)")

    def help_text(self) -> str:
        return tr("Writes Voorbeeldstad, a sample programme: five districts and the whole city, "
                  "neighbourhoods, programme projects, interventions of every kind and domain, funding, "
                  "area goals and budgets, with planted cases for the programme check listed in a "
                  "manifest (JSON beside the GeoPackage). The same seed gives the same city.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Programme file"), tr("GeoPackage (*.gpkg)")), tr("Where to write the sample."))
        self.add(QgsProcessingParameterNumber(self.SEED, tr("Seed"), defaultValue=42, minValue=0),
                 tr("Random seed; the same seed gives the same city."))
        self.add(QgsProcessingParameterNumber(
            self.INTERVENTIONS, tr("Interventions"), defaultValue=400, minValue=20, maxValue=1_000_000),
            tr("Number of interventions; the city grows with it at constant density."))
        self.add(QgsProcessingParameterNumber(
            self.PROJECTS, tr("Programme projects (0 = a quarter of the interventions)"),
            defaultValue=0, minValue=0, maxValue=1_000_000), tr("Number of programme projects."))
        self.add(QgsProcessingParameterBoolean(self.OVERWRITE, tr("Overwrite an existing file"), False),
                 tr("Replace OUTPUT if it exists."))
        self.addOutput(QgsProcessingOutputFile(self.MANIFEST, tr("Manifest of planted cases")))

    def execute(self, parameters, context, feedback) -> dict:
        from gebiedsplugin.core.sample import generate_sample

        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        count = self.parameterAsInt(parameters, self.INTERVENTIONS, context)
        projects = self.parameterAsInt(parameters, self.PROJECTS, context) or None
        feedback.pushInfo(tr("Generating {} interventions (seed {})…").format(count, seed))
        programme, manifest = generate_sample(seed=seed, interventions=count, projects=projects)
        feedback.setProgress(40)
        if feedback.isCanceled():
            return {}
        store = GpkgStore.create(path, programme.crs, programme,
                                 overwrite=self.parameterAsBool(parameters, self.OVERWRITE, context))
        manifest_path = str(Path(store.path).with_suffix(".manifest.json"))
        write_text(manifest_path, json.dumps(manifest, indent=2, ensure_ascii=False), overwrite=True)
        feedback.setProgress(100)
        feedback.pushInfo(tr("Sample written: {}").format(store.path))
        return {self.OUTPUT: store.path, self.MANIFEST: manifest_path}
