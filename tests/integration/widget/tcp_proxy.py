"""A TCP proxy between the browser and the Rasa server that a test can cut and restore, to make the
widget lose and regain its socket for real (the browser sees the connection close)."""
from __future__ import annotations

import socket
import threading


class CuttableProxy:
    def __init__(self, listen_port: int, target_port: int, host: str = "127.0.0.1"):
        self.host, self.target_port = host, target_port
        self._server = socket.create_server((host, listen_port))
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._up = True
        self._stopped = False
        threading.Thread(target=self._accept_loop, daemon=True).start()

    def _accept_loop(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                up = self._up
            if not up:  # refuse while cut: the reconnect attempt fails at once
                client.close()
                continue
            try:
                upstream = socket.create_connection((self.host, self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open.update((client, upstream))
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(src, dst), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def cut(self) -> None:
        """Close every open connection and refuse new ones."""
        with self._lock:
            self._up = False
            sockets = list(self._open)
        for sock in sockets:
            self._close(sock)

    def restore(self) -> None:
        with self._lock:
            self._up = True

    def stop(self) -> None:
        self._stopped = True
        self.cut()
        self._server.close()
