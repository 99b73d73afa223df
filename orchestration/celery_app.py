"""The Celery app the workers run (`celery -A orchestration.celery_app worker`, started by
orchestration/worker.py): dagster-celery's step task on the broker of GOVREPORT_CELERY_BROKER,
which also carries the results back."""
from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from govreport.settings import Settings

_broker = Settings.from_env().celery_broker
app = make_app(CeleryExecutor.for_cli(broker=_broker, backend=_broker).app_args())
execute_plan = create_task(app)
