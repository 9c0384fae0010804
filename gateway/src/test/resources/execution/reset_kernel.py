get_ipython().reset(new_session=True)
