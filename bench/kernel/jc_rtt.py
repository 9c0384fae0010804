#!/usr/bin/python3
"""jupyter_client's side of bench/run-kernels: round trips of execute("1+1") on an already running kernel.

Usage: /usr/bin/python3 jc_rtt.py CONNECTION_FILE
Reads commands on stdin, one a line: "run N" -> prints N durations in nanoseconds (space-separated, one line);
"quit" -> exits. A round trip ends when BOTH the execute_reply and the iopub status idle of the request are in.
"""
import sys
import time
from queue import Empty

from jupyter_client import BlockingKernelClient


def drain(kc):
    # iopub is broadcast: messages of the other client's executions queue up here; drop them outside the timing.
    # (In jupyter_client 7 the channels are async: go through the client's blocking wrappers.)
    for get in (kc.get_iopub_msg, kc.get_shell_msg):
        try:
            while True:
                get(timeout=0)
        except Empty:
            pass


def round_trip(kc):
    t0 = time.perf_counter_ns()
    msg_id = kc.execute("1+1")
    reply = idle = False
    while not reply:
        m = kc.get_shell_msg(timeout=30)
        reply = m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_reply"
    while not idle:
        m = kc.get_iopub_msg(timeout=30)
        idle = (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle")
    return time.perf_counter_ns() - t0


def main():
    kc = BlockingKernelClient(connection_file=sys.argv[1])
    kc.load_connection_file()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "quit":
            break
        if parts[0] == "run":
            time.sleep(0.02)
            drain(kc)
            print(" ".join(str(round_trip(kc)) for _ in range(int(parts[1]))), flush=True)
    kc.stop_channels()


if __name__ == "__main__":
    main()
