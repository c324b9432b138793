"""`cnn-playground summary PROJECT`: every layer's output shape, parameters and formulas."""

from __future__ import annotations

import sys

from playground.cli.language import translated
from playground.cli.text import print_json, printable
from playground.spec import messages
from playground.spec.errors import DataError
from playground.spec.messages import Message, text_of
from playground.spec.project import Project
from playground.spec.project_paths import open_project
from playground.spec.shapes import NetworkSummary, group, shape_text, summarize_project


def add_parser(commands) -> None:
    summary = commands.add_parser("summary", help="layers, output shapes, parameters and formulas of a project")
    summary.add_argument("project", help="a project file, or an example name such as lenet5-digits")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.set_defaults(run=run)


def _base_dict(project: Project) -> dict | None:
    backbone = project.backbone
    if backbone is None:
        return None
    trainable, frozen = backbone.split(project.pretrained.unfrozen_blocks)
    return {
        "network": backbone.key,
        "mode": project.pretrained.mode,
        "blocks": backbone.blocks,
        "unfrozen_blocks": project.pretrained.unfrozen_blocks,
        "output_shape": list(project.layers_input_shape),
        "trainable_params": trainable,
        "frozen_params": frozen,
    }


def summary_dict(summary: NetworkSummary, project: Project | None = None) -> dict:
    base = _base_dict(project) if project is not None else None
    return {
        "pretrained": base,
        "input_shape": list(summary.input_shape),
        "num_classes": summary.num_classes,
        "layers": [
            {
                "index": info.index,
                "type": info.layer.type,
                "output_shape": list(info.output_shape) if info.output_shape else None,
                "params": info.params,
                "macs": info.macs,
                "formula": info.shape_formula,
                "params_formula": info.params_formula,
                "note": info.note,
                "error": info.error,
            }
            for info in summary.layers
        ],
        "total_params": summary.total_params + (base["trainable_params"] + base["frozen_params"] if base else 0),
        "head_params": summary.total_params,
        "total_macs": summary.total_macs,
        "error": summary.error,
    }


def summary_table(project: Project, summary: NetworkSummary) -> str:
    classes = f", {summary.num_classes} classes" if summary.num_classes else ""
    rows = [("#", "layer", "output", "params", "how")]
    for info in summary.layers:
        how = "; ".join(
            part for part in (info.shape_formula, info.params_formula if info.params else "", info.note) if part
        )
        rows.append(
            (
                str(info.index + 1),
                info.layer.describe(),
                shape_text(info.output_shape),
                group(info.params),
                info.error or how,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"{project.name} — input {shape_text(project.input_shape)}{classes}"]
    base = _base_dict(project)
    if base:
        lines.append(
            f"base: {project.backbone.title} pretrained on ImageNet, {base['blocks']} blocks,"
            f" {base['unfrozen_blocks']} unfrozen ({project.pretrained.mode.replace('_', ' ')})"
            f" -> {shape_text(project.layers_input_shape)}; {group(base['trainable_params'])} trainable and"
            f" {group(base['frozen_params'])} frozen parameters; the layers below are the head"
        )
    for row in rows:
        lines.append(
            f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]:>{widths[3]}}  {row[4]}"
        )
    size_kb = summary.total_params * 4 / 1024
    lines.append(
        f"Total parameters: {group(summary.total_params)}   multiply-adds: {group(summary.total_macs)}"
        f"   size: {size_kb:,.0f} KB (float32)"
    )
    return "\n".join(printable(line) for line in lines)


def run(args) -> int:
    from playground.ml.data.folders import class_names_of

    project, base = open_project(args.project)
    data_problem = None
    try:
        num_classes = len(class_names_of(project.data.source, base))
    except DataError as error:
        num_classes = None  # the shapes can still be shown; 'auto' units stay unknown
        data_problem = text_of(error)
    summary = summarize_project(project, num_classes)
    # Unknown classes are the data's problem (a missing folder, an empty class), not the Dense layer's:
    # that is what is said.
    problem = data_problem if data_problem and summary.error else summary.error
    if args.json:
        print_json({**summary_dict(summary, project), "error": problem or None})
    else:
        print(summary_table(project, summary))
    if problem:
        print(printable(translated(Message(messages.CLI_ERROR, message=problem))), file=sys.stderr)
        return 2
    return 0
