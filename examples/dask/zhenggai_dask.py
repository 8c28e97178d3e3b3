#!/usr/bin/env python3
"""zhenggai over JSON Lines on a Dask cluster.

Reads notices as JSON Lines ({"id", "text"} or {"id", "path"} per line) into a dask.bag, pipes
each partition through `zhenggai run --jsonl - --jobs 1`, writes each partition's output as a
part file (one final document or error record per input line, in input order), then runs
`zhenggai csv` over the part files for the CSV files a folder run writes.

    python3 zhenggai_dask.py notices.jsonl --out result/                  # a LocalCluster here
    python3 zhenggai_dask.py 'crawl/*.jsonl' --out /shared/result --scheduler tcp://10.0.0.5:8786

result/parts/part-00000 … hold the JSON Lines, result/csv/ the CSV files. Every node runs the
same `--zhenggai` command (zhenggai installed at the same path), and the inputs, any "path"
they name, and --out are on storage every node reaches (a shared file system; dask.bag reads
and writes s3:// and hdfs:// too where s3fs or pyarrow is installed, but `zhenggai csv` reads a
local folder, so copy the parts down first).
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster


def default_command():
    """`zhenggai` on the PATH, or the build of the checkout this file is in."""
    if shutil.which('zhenggai'):
        return 'zhenggai'
    here = os.path.dirname(os.path.abspath(__file__))
    return 'node ' + shlex.quote(os.path.join(here, '..', '..', 'dist', 'cli.js'))


def pipe(lines, command):
    """One partition through zhenggai: one output line per input line, or the task fails.

    --allow-failures: a document that cannot be processed is an error record in the output, and
    the program exits 0; any other exit, or a line count that differs, fails the task (Dask
    then retries it or reports it), so no document is lost or doubled in silence.
    """
    lines = [line.rstrip('\n') for line in lines if line.strip()]
    args = shlex.split(command) + ['run', '--jsonl', '-', '--jobs', '1', '--quiet', '--allow-failures']
    result = subprocess.run(args, input=''.join(line + '\n' for line in lines), capture_output=True, text=True, encoding='utf-8')
    if result.returncode != 0:
        raise RuntimeError('zhenggai exited %d: %s' % (result.returncode, result.stderr.strip()[-2000:]))
    out = result.stdout.splitlines()
    if len(out) != len(lines):
        raise RuntimeError('zhenggai wrote %d lines for %d input lines' % (len(out), len(lines)))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('inputs', nargs='+', help='JSON Lines files or globs')
    parser.add_argument('--out', required=True, help='folder for parts/ and csv/')
    parser.add_argument('--partitions', type=int, default=None, help='partitions (default: one per input file)')
    parser.add_argument('--workers', type=int, default=2, help='worker processes of the LocalCluster (without --scheduler)')
    parser.add_argument('--scheduler', default=None, help='address of a running scheduler (tcp://host:8786)')
    parser.add_argument('--zhenggai', default=default_command(), help='the command that runs zhenggai on every node')
    args = parser.parse_args(argv)

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None))
    try:
        bag = db.read_text(args.inputs)
        if args.partitions:
            bag = bag.repartition(npartitions=args.partitions)
        parts = os.path.join(args.out, 'parts')
        os.makedirs(parts, exist_ok=True)
        # part-00000, part-00001 …: name order is input order, which `zhenggai csv` keeps.
        bag.map_partitions(pipe, args.zhenggai).to_textfiles(os.path.join(parts, 'part-*'), name_function=lambda i: '%05d' % i, last_endline=True)
    finally:
        client.close()

    csv = subprocess.run(shlex.split(args.zhenggai) + ['csv', parts, '--out', os.path.join(args.out, 'csv')])
    return csv.returncode


if __name__ == '__main__':
    sys.exit(main())
