"""News moves to its own app (news/). Its tables stay where they are: this only takes the models
out of areas' state; news/migrations/0001_initial.py takes them in and renames the tables."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('areas', '0004_alter_updatepage_body'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.RemoveField(
            model_name='updatepage',
            name='page_ptr',
        ),
        migrations.RemoveField(
            model_name='updatepage',
            name='parishes',
        ),
        migrations.RemoveField(
            model_name='updatepage',
            name='priorities',
        ),
        migrations.RemoveField(
            model_name='updatepage',
            name='topics',
        ),
        migrations.DeleteModel(
            name='UpdateIndexPage',
        ),
        migrations.DeleteModel(
            name='UpdatePage',
        ),
            ],
        ),
    ]
