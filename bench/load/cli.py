"""Command line of the load test: ``python -m bench.load MODE (--url URL | --start KIND) [options]``.

Modes: ``saturation`` (closed loop, a sweep of concurrency levels), ``think`` (many conversations with
think time) and ``soak`` (moderate load for a long time, sampling memory and connections). See
bench/README.md for the targets and the exact commands."""
from __future__ import annotations

import argparse
import asyncio
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from bench.load import modes, report
from bench.load.access import WidgetAccess
from bench.load.launch import started_stack
from bench.load.processes import discover
from bench.load.scripts import SCRIPTS_DIR, ScriptError, load_scripts
from bench.load.users import ThinkTime

REPO = Path(__file__).resolve().parents[2]


def _users(text: str) -> list[int]:
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError("a comma-separated list of numbers, e.g. 4,8,16") from error
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("at least one positive number of users")
    return values


def _common(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="base URL of a running stack (Rasa server, or nginx in front of it)")
    where.add_argument("--start", choices=["embedded", "stock"],
                       help="start the Rasa server + action server of this repo and measure them")
    parser.add_argument("--model", type=Path, help="trained model for --start (stock: required)")
    parser.add_argument("--transport", choices=modes.TRANSPORTS, default="rest",
                        help="rest, socketio, or mixed (every other user over socket.io)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per turn before it is an error")
    parser.add_argument("--scripts", type=Path, default=SCRIPTS_DIR, help="directory with conversation scripts")
    parser.add_argument("--only", default="", help="comma-separated script names to use")
    parser.add_argument("--label", default="", help="name of this run in the results (e.g. 'embedded, 2 cores')")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--append-results", action="store_true", help="append a table to bench/RESULTS.md")
    parser.add_argument("--results-md", type=Path, default=REPO / "bench" / "RESULTS.md")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rest-path", default=modes.REST_PATH)
    parser.add_argument("--socketio-path", default=modes.SOCKETIO_PATH)
    parser.add_argument("--origin", default="http://localhost:8080",
                        help="Origin header of the widget page; the socket refuses a client without an allowed "
                             "Origin (default: the demo page, on the default allow-list)")
    parser.add_argument("--token-url", help="web app URL that issues widget tokens (…/widget/toegang)")
    parser.add_argument("--widget-secret-env", metavar="VAR",
                        help="sign widget tokens with the secret in this environment variable")
    parser.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    sat = sub.add_parser("saturation", help="closed loop without think time, sweep of concurrency")
    sat.add_argument("--users", type=_users, default=[4, 8, 16, 32, 50])
    sat.add_argument("--seconds", type=float, default=60.0, help="measured seconds per step")
    sat.add_argument("--warmup", type=float, default=10.0, help="unmeasured seconds at the start of each step")
    think = sub.add_parser("think", help="concurrent conversations with think time")
    think.add_argument("--users", type=int, default=100)
    think.add_argument("--think", type=float, default=3.0, help="mean think time in seconds")
    think.add_argument("--jitter", type=float, default=0.5, help="think time +/- this fraction")
    think.add_argument("--seconds", type=float, default=300.0)
    think.add_argument("--warmup", type=float, default=15.0)
    soak = sub.add_parser("soak", help="moderate load for a long time; memory and connections")
    soak.add_argument("--users", type=int, default=20)
    soak.add_argument("--think", type=float, default=2.0)
    soak.add_argument("--jitter", type=float, default=0.5)
    soak.add_argument("--seconds", type=float, default=1800.0)
    soak.add_argument("--warmup", type=float, default=120.0, help="memory growth is measured after this")
    soak.add_argument("--sample-every", type=float, default=30.0)
    soak.add_argument("--settle", type=float, default=20.0,
                      help="seconds after the load before connections are counted again")
    soak.add_argument("--pid", type=int, action="append", default=[], help="a process to watch (repeatable)")
    soak.add_argument("--port", type=int, action="append", default=[],
                      help="watch the process listening on this port (repeatable)")
    soak.add_argument("--pg-url", help="PostgreSQL URL: count its sessions in pg_stat_activity")
    soak.add_argument("--no-children", action="store_true", help="do not watch child processes")
    for sub_parser in (sat, think, soak):
        _common(sub_parser)
    return parser


async def _run(args: argparse.Namespace, url: str, scripts, watched) -> dict:
    access = WidgetAccess(args.origin, args.token_url, args.widget_secret_env)
    target = modes.Target(url, args.transport, args.timeout, access, args.rest_path, args.socketio_path,
                          not args.insecure, args.seed)
    if args.mode == "saturation":
        return await modes.saturation(target, scripts, args.users, args.seconds, args.warmup)
    think = ThinkTime(args.think, args.jitter)
    if args.mode == "think":
        return await modes.think_time(target, scripts, args.users, think, args.seconds, args.warmup)
    return await modes.soak(target, scripts, args.users, think, args.seconds, args.warmup, watched,
                            args.sample_every, args.settle, args.pg_url)


def _stack_env(args: argparse.Namespace) -> dict:
    """A started stack gets the widget rules the run uses: origin allow-list and token secret."""
    import os

    env = {}
    if args.origin:
        env["WEGWIJZER_WIDGET_ORIGINS"] = args.origin
    if args.widget_secret_env:
        env["WEGWIJZER_WIDGET_SECRET"] = os.environ[args.widget_secret_env]
    return env


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        scripts = load_scripts(args.scripts, [n.strip() for n in args.only.split(",") if n.strip()] or None)
        WidgetAccess(args.origin, args.token_url, args.widget_secret_env).validate()
    except (ScriptError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    label = args.label or (args.start or urlsplit(args.url).netloc)
    with ExitStack() as stack:
        if args.start:
            started = stack.enter_context(started_stack(args.start, args.model, extra_env=_stack_env(args)))
            url, ports = started.url, list(started.ports)
            print(f"started {args.start} stack ({started.model}) at {url}", file=sys.stderr)
        else:
            url, ports = args.url.rstrip("/"), []
        watched = []
        if args.mode == "soak":
            pids, port_list = args.pid, args.port or ports or [urlsplit(url).port or 80]
            try:
                watched = discover(pids, port_list, children=not args.no_children)
            except LookupError as error:
                print(f"error: {error}", file=sys.stderr)
                return 2
            for item in watched:
                print(f"watching {item.label()}", file=sys.stderr)
        result = asyncio.run(_run(args, url, scripts, watched))
    result["label"] = label
    result["machine"] = report.machine()
    result["verdicts"] = report.verdicts(result)
    path = report.write_json(result, args.out, label)
    text = report.markdown(result, label, result["machine"])
    print(text)
    print(f"JSON: {path}", file=sys.stderr)
    if args.append_results:
        report.append_results(text, args.results_md)
        print(f"appended to {args.results_md}", file=sys.stderr)
    return 0
