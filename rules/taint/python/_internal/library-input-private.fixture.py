# A module under a package whose name starts with "_" (pip's `_internal`) is private to its package: its public-
# looking functions are called by the package itself, not by users, so their parameters are not library input.
import os
import subprocess


def open_in_editor(editor, fname):
    # ok: py.cmdi.library-input-shell
    subprocess.check_call(f'{editor} "{fname}"', shell=True)


class Archiver:
    def pack(self, name):
        # ok: py.cmdi.library-input-shell
        os.system("tar czf /tmp/backup.tgz " + name)
