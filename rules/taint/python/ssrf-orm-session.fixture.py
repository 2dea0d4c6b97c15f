# A SQLAlchemy or SQLModel session is a database's: its get() and delete() take a model and an object, not a URL.
from fastapi import APIRouter
from sqlmodel import Session, select

# `SessionDep = Annotated[Session, Depends(get_db)]` in another module: not known here, so the parameter is read as input.
from .deps import SessionDep
from .models import Item

router = APIRouter()


class ItemRepository:
    def __init__(self, session: Session):
        self.session = session

    def remove(self, item_id):
        item = self.session.get(Item, item_id)
        # ok: py.ssrf.http-client
        self.session.delete(item)
        self.session.commit()


@router.delete("/items/{name}")
def delete_item(name: str, session: SessionDep):
    item = session.exec(select(Item).where(Item.name == name)).first()
    # ok: py.ssrf.http-client
    session.delete(item)
    session.commit()
    ItemRepository(session).remove(name)
    return {"ok": True}
