"""Live takeover: the queue table live_gesprek (bot.live.schema).

Revision ID: 0005
Revises: 0004

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('live_gesprek',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('gesprek_id', sa.String(length=128), nullable=False),
    sa.Column('open_sleutel', sa.String(length=128), nullable=True),
    sa.Column('gemeente_code', sa.String(length=10), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('gevraagd_op', sa.DateTime(), nullable=False),
    sa.Column('medewerker', sa.String(length=64), nullable=True),
    sa.Column('overgenomen_op', sa.DateTime(), nullable=True),
    sa.Column('gesloten_op', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('open_sleutel', name='uq_live_gesprek_open')
    )
    op.create_index('ix_live_gesprek_status', 'live_gesprek', ['status', 'gevraagd_op'], unique=False)
    op.create_index(op.f('ix_live_gesprek_gesprek_id'), 'live_gesprek', ['gesprek_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_live_gesprek_gesprek_id'), table_name='live_gesprek')
    op.drop_index('ix_live_gesprek_status', table_name='live_gesprek')
    op.drop_table('live_gesprek')
