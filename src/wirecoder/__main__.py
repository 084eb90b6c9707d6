from wirecoder.cli import run

run()
