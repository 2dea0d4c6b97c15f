# A heredoc's lines are file content: nginx.conf's `user nginx;` is no USER instruction.
# ruleid: config.docker.root-user
FROM nginx:1.27
COPY <<EOF /etc/nginx/nginx.conf
user nginx;
worker_processes auto;
events {}
EOF
USER 10001
CMD ["nginx", "-g", "daemon off;"]
