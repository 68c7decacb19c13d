"""What 05_activation_functions states, checked after its last cell."""
