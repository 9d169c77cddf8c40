# The whole lifecycle of a highly available cluster, as one transcript:
# init behind a load balancer -> join a second control plane and a worker -> upgrade plan ->
# upgrade apply -> upgrade the other nodes -> certificate check -> reset.
# Run: npx kubelife run tests/golden/lifecycle.sh   (tests/unit/golden compares the transcript)
kubelife scenario ha-previous-minor-ready
kubeadm init --control-plane-endpoint k8s-api.example.internal:6443 --upload-certs --pod-network-cidr=10.244.0.0/16
mkdir -p $HOME/.kube
cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml
ssh cp-2
kubeadm join k8s-api.example.internal:6443 --token fy8e9f.neolxstc34jfk6kf \
  --discovery-token-ca-cert-hash sha256:dbf520473318a3376325b8dda33f5d14e98313800ee812265f2183963ecb5a9e \
  --control-plane --certificate-key 9b6f772632716c43069c43a8c3b7cf3c25632b92409d3fb64afebede10d4e8eb
exit
ssh worker-1
kubeadm join k8s-api.example.internal:6443 --token fy8e9f.neolxstc34jfk6kf \
  --discovery-token-ca-cert-hash sha256:dbf520473318a3376325b8dda33f5d14e98313800ee812265f2183963ecb5a9e
exit
kubelife clock advance 2m
kubectl get nodes
# Upgrade: kubeadm first (the package repository is per minor), then plan and apply on cp-1.
sed -i 's/v1.36/v1.37/' /etc/apt/sources.list.d/kubernetes.list
apt-get update
apt-mark unhold kubeadm && apt-get install -y kubeadm='1.37.1-1.1' && apt-mark hold kubeadm
kubeadm upgrade plan
kubeadm upgrade apply v1.37.1 -y
# The other control plane: kubeadm upgrade node.
ssh cp-2
sed -i 's/v1.36/v1.37/' /etc/apt/sources.list.d/kubernetes.list
apt-get update
apt-mark unhold kubeadm && apt-get install -y kubeadm='1.37.1-1.1' && apt-mark hold kubeadm
kubeadm upgrade node
exit
# Kubelets, one node at a time, drained.
kubectl drain cp-1 --ignore-daemonsets
apt-mark unhold kubelet kubectl && apt-get install -y kubelet='1.37.1-1.1' kubectl='1.37.1-1.1' && apt-mark hold kubelet kubectl
systemctl daemon-reload
systemctl restart kubelet
kubectl uncordon cp-1
kubectl get nodes
kubeadm certs check-expiration
# Teardown: the worker, then the second control plane, then the first.
kubectl drain worker-1 --ignore-daemonsets
kubectl delete node worker-1
ssh worker-1
kubeadm reset -f
exit
ssh cp-2
kubeadm reset -f
exit
kubectl get nodes
kubeadm reset -f
