# A pydantic field constrained to a words-only pattern (`constr(pattern=...)`, pydantic 1's `regex=`,
# `Annotated[str, StringConstraints(pattern=...)]`), typed by an Enum of the file, or by a module-level alias of
# such a type, holds no free text once FastAPI validated the body; an unanchored pattern or a plain `str` does.
import subprocess
from enum import Enum
from typing import Annotated, Literal, Optional

from fastapi import FastAPI
from pydantic import BaseModel, StringConstraints, constr

app = FastAPI()


class Carrier(str, Enum):
    UPS = "ups"
    DHL = "dhl"


TrackingNumber = constr(pattern=r"^[A-Z0-9]{8,30}$")
Service = Literal["express", "ground"]
Loose = constr(pattern=r"[A-Z0-9]+")


class LabelRequest(BaseModel):
    carrier: Carrier
    tracking: TrackingNumber
    service: Optional[Service] = None
    batch: constr(regex=r"^[a-z0-9_-]{1,16}$")
    region: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}-[a-z]+-\d$")]
    note: Loose
    sender: str


@app.post("/labels")
def print_label(body: LabelRequest):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(f"label --carrier {body.carrier} --tracking {body.tracking} --service {body.service}", shell=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run(f"label --batch {body.batch} --region {body.region}", shell=True)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"label --note {body.note}", shell=True)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"label --from {body.sender}", shell=True)
    return {"ok": True}
