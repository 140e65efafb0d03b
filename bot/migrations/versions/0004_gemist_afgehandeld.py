"""Insight work list: the table console_gemist_afgehandeld (bot.storage.console_schema), misses marked as handled.

Revision ID: 0004
Revises: 0003

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import context, op

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # An embedded database adopted at the baseline (bot.production.migrate) may already have this table: the
    # console creates its tables with create_all. Then there is nothing to do.
    if not context.is_offline_mode() and sa.inspect(op.get_bind()).has_table('console_gemist_afgehandeld'):
        return
    op.create_table('console_gemist_afgehandeld',
    sa.Column('bericht_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('doel_type', sa.String(length=20), nullable=False),
    sa.Column('doel_id', sa.String(length=255), nullable=False),
    sa.Column('door', sa.String(length=64), nullable=False),
    sa.Column('afgehandeld_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('bericht_id')
    )
    op.create_index('ix_gemist_doel', 'console_gemist_afgehandeld', ['doel_type', 'doel_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_gemist_doel', table_name='console_gemist_afgehandeld')
    op.drop_table('console_gemist_afgehandeld')
