"""News, moved here from areas with its data: the models' state is taken over (the tables are
the ones areas made), the content types move with them (so every page, revision and permission
keeps pointing at the same rows), and the tables are then renamed news_*."""

import datetime
import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


NEWS_MODELS = ["updateindexpage", "updatepage"]


def move_content_types(apps, schema_editor, source="areas", target="news"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    moving = ContentType.objects.filter(app_label=source, model__in=NEWS_MODELS)
    if moving.exists():
        # Made by an earlier run of post_migrate, with nothing pointing at them.
        ContentType.objects.filter(app_label=target, model__in=NEWS_MODELS).delete()
        moving.update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="news", target="areas")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('areas', '0005_news_moves_to_its_own_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('campaigns', '0005_alter_campaignpage_body'),
        ('plans', '0010_alter_indicator_slug'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='UpdateIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True)),
            ],
            options={
                'verbose_name': 'news index page',
                'db_table': 'areas_updateindexpage',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='UpdatePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(default=datetime.date.today, help_text='Shown on the update and used in feeds.')),
                ('summary', models.TextField(help_text='The news in a sentence or two, for lists and feeds.')),
                ('body', wagtail.fields.StreamField([('text', 0), ('figure', 3), ('call_to_action', 10), ('accordion', 17), ('inset_text', 19), ('warning_text', 21), ('quote', 23), ('statistic', 27), ('table', 28), ('document', 31), ('embed', 36), ('reporting_route', 38)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'icon': 'pilcrow'}), 1: ('wagtail.images.blocks.ImageBlock', [], {}), 2: ('home.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('image', 1), ('caption', 2)]], {}), 4: ('home.blocks.CharBlock', (), {'max_length': 100}), 5: ('wagtail.blocks.TextBlock', (), {'required': False}), 6: ('home.blocks.CharBlock', (), {'max_length': 80}), 7: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 8: ('home.blocks.AddressBlock', (), {'help_text': 'A web address, an email address as mailto:name@example.org, or a phone number as tel:0116 305 0000', 'label': 'Or an address elsewhere', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 6), ('page', 7), ('url', 8)]], {}), 10: ('wagtail.blocks.StructBlock', [[('heading', 4), ('text', 5), ('link', 9)]], {}), 11: ('home.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 12: ('home.blocks.CharBlock', (), {'max_length': 120}), 13: ('home.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 14: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link']}), 15: ('wagtail.blocks.StructBlock', [[('heading', 12), ('summary', 13), ('content', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'min_num': 1}), 17: ('wagtail.blocks.StructBlock', [[('heading', 11), ('sections', 16)]], {}), 18: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 19: ('wagtail.blocks.StructBlock', [[('text', 18)]], {}), 20: ('home.blocks.CharBlock', (), {'max_length': 250}), 21: ('wagtail.blocks.StructBlock', [[('text', 20)]], {}), 22: ('wagtail.blocks.TextBlock', (), {}), 23: ('wagtail.blocks.StructBlock', [[('quote', 22), ('attribution', 11)]], {}), 24: ('home.blocks.CharBlock', (), {'help_text': 'For example 34% or 1,200', 'max_length': 20}), 25: ('home.blocks.CharBlock', (), {'help_text': 'What the figure counts, in words', 'max_length': 150}), 26: ('home.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('value', 24), ('label', 25), ('source', 26)]], {}), 28: ('home.blocks.TableBlock', (), {}), 29: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 30: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave blank to use the document's own title", 'required': False}), 31: ('wagtail.blocks.StructBlock', [[('document', 29), ('title', 30), ('description', 5)]], {}), 32: ('wagtail.blocks.URLBlock', (), {'help_text': 'The address of the video or post, for example on YouTube'}), 33: ('home.blocks.CharBlock', (), {'max_length': 150}), 34: ('home.blocks.CharBlock', (), {'help_text': 'Where it is hosted, for example YouTube', 'max_length': 60}), 35: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'A page with the transcript', 'required': False}), 36: ('wagtail.blocks.StructBlock', [[('url', 32), ('title', 33), ('provider', 34), ('description', 5), ('transcript', 35)]], {}), 37: ('wagtail.snippets.blocks.SnippetChooserBlock', ('campaigns.ReportingRoute',), {}), 38: ('wagtail.blocks.StructBlock', [[('route', 37)]], {})})),
                ('parishes', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Leave empty for the whole district.', related_name='updates', to='areas.areapage')),
                ('priorities', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='updates', to='plans.prioritypage')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='updates', to='campaigns.topic')),
            ],
            options={
                'verbose_name': 'news update',
                'db_table': 'areas_updatepage',
            },
            bases=('wagtailcore.page',),
        ),
                ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.AlterModelTable(name="updateindexpage", table=None),
        migrations.AlterModelTable(name="updatepage", table=None),
]
