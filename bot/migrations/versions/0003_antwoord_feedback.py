"""Feedback on answers: the table antwoord_feedback (bot.feedback.schema).

Revision ID: 0003
Revises: 0002

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('antwoord_feedback',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('onderwerp', sa.String(length=64), nullable=False),
    sa.Column('gesprek_id', sa.String(length=128), nullable=True),
    sa.Column('antwoord_ref', sa.String(length=16), nullable=False),
    sa.Column('oordeel', sa.String(length=3), nullable=False),
    sa.Column('reden', sa.String(length=20), nullable=True),
    sa.Column('dag', sa.Date(), nullable=False),
    sa.Column('aangemaakt_op', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('antwoord_ref', 'onderwerp', name='uq_feedback_antwoord')
    )
    op.create_index('ix_feedback_dag_onderwerp', 'antwoord_feedback', ['dag', 'onderwerp'], unique=False)
    op.create_index(op.f('ix_antwoord_feedback_gesprek_id'), 'antwoord_feedback', ['gesprek_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_antwoord_feedback_gesprek_id'), table_name='antwoord_feedback')
    op.drop_index('ix_feedback_dag_onderwerp', table_name='antwoord_feedback')
    op.drop_table('antwoord_feedback')
