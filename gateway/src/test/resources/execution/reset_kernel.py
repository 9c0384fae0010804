get_ipython().run_line_magic('reset', '-f'); get_ipython().execution_count = 1
