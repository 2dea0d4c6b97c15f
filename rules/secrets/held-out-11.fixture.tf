# Held out 11 (issue 16): a variable whose default is its own name is the name of a resource.
variable "tfc_agent_k8s_secrets" {
  type        = string
  description = "Name for the k8s secret required to configure the agent"
  # ok: secrets.generic.terraform-variable-default
  default     = "tfc-agent-k8s-secrets"
}

variable "tfc_agent_token" {
  type        = string
  # ruleid: secrets.generic.terraform-variable-default
  default     = "tfcagent-Qx7mW2vZ9kLp"
}
