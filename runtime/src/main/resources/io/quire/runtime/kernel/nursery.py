"""Quire's kernel nursery: an interpreter that has already imported ipykernel and forks ready-made kernels.

Started by ForkingKernelLauncher as ``python3 nursery.py ROOM`` (ROOM: blanks; see _retitle). Importing ipykernel, IPython, zmq and tornado is most
of what a kernel start costs; done once here, each kernel is a fork that only builds its app and binds its ports.

Protocol, one JSON object per line:
  stdin   {"id": 7, "connection_file": "...", "cwd": "...", "env": {...}, "log": "..."}
  stdout  {"ready": true, "pid": <nursery pid>}       once, after the imports
          {"id": 7, "pid": 12345}  or  {"id": 7, "error": "..."}
          {"exited": 12345, "status": 0}               when a kernel exits (status: exit code, or -signal)
The nursery exits when stdin closes; kernels it forked keep running (they are their own sessions).

Nothing here may start a thread, an event loop or a zmq context before forking: a fork copies only the calling
thread, and a zmq context does not survive one.
"""

import ctypes
import json
import os
import signal
import sys

# As ipykernel_launcher does, before importing: the directory of this script must not shadow user modules.
_SCRIPT_DIRECTORY = sys.path.pop(0)

import ipykernel_launcher  # noqa: E402,F401  (its path becomes the kernel's sys.argv[0])
from ipykernel import kernelapp  # noqa: E402
import faulthandler  # noqa: E402,F401  (the kernel app imports it as it starts)

_children = set()


def _write(message):
    # os.write of one whole line: never interleaved with an exit report written from the SIGCHLD handler.
    os.write(1, (json.dumps(message) + "\n").encode())


def _reap(signum=None, frame=None):
    """Collects every exited child (so none stays a zombie) and reports it."""
    for pid in list(_children):
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done, status = pid, 0
        if done:
            _children.discard(pid)
            _write({"exited": pid, "status": os.waitstatus_to_exitcode(status)})


def _fork(request):
    """Forks a kernel; returns the request in the child, None in the nursery (after answering)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})  # its exit is reported after its pid, never before
    pid = -1
    try:
        pid = os.fork()
        if pid == 0:
            return request
        _children.add(pid)
        _write({"id": request["id"], "pid": pid})
    except OSError as e:
        _write({"id": request["id"], "error": "fork failed: %s" % e})
    finally:
        if pid != 0:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
    return None


def _retitle(argv):
    """Shows this process as `argv` in ps and /proc/PID/cmdline, as the spawned kernel would be (tools and people
    find kernels by their command line). Linux only: the argv area the kernel gives the process, whose bounds
    /proc/self/stat gives (fields 48 and 49), is overwritten in place; it cannot grow, so the nursery is started
    with a blank argument that leaves room."""
    try:
        with open("/proc/self/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        start, end = int(fields[45]), int(fields[46])
        text = "\0".join(argv).encode()[:end - start - 1]
        ctypes.memmove(start, text + b"\0" * (end - start - len(text)), end - start)
    except (OSError, ValueError, IndexError):
        pass  # only the process listing is affected


def _become_kernel(request):
    """In the child: take the kernel's session, directory, environment and log, then run as ipykernel_launcher."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # interrupts are how a kernel stops a cell
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
    os.setsid()  # a signal to the nursery's group (a terminal's Ctrl-C) does not reach the kernel, nor back
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(null)
    os.close(log)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # `python -m ipykernel_launcher` starts with the working directory first on sys.path.
    sys.path.insert(0, os.getcwd())
    sys.argv = [ipykernel_launcher.__file__, "-f", request["connection_file"]]
    _retitle([sys.executable, "-m", "ipykernel_launcher", "-f", request["connection_file"]])
    kernelapp.launch_new_instance()


def main():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Quire stops the nursery by closing its stdin
    signal.signal(signal.SIGCHLD, _reap)
    _write({"ready": True, "pid": os.getpid()})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        child = _fork(request)
        if child is not None:
            return child
    return None


_request = main()
if _request is not None:
    _become_kernel(_request)
