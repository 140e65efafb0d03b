"""The one exception a delivery raises: retryable (default) or permanent (dead letter at once)."""


class DeliveryError(Exception):
    def __init__(self, message: str, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent
